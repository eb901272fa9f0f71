package org.cometsim.scenarios;

import java.util.function.Consumer;

import org.cometsim.net.Delivery;
import org.cometsim.net.Direction;
import org.cometsim.net.SimulatedLink;
import org.cometsim.offload.Transport;

/**
 * One endpoint's side of a modelled connection: its bytes go over a {@link SimulatedLink} in one
 * direction, charged exactly (framing and compression included), and arrive at the peer at the
 * link's delivery time. In order (one TCP connection): a send never starts before the previous
 * one in the same direction. The round-trip estimate is TCP's (RFC 6298: SRTT, RTTVAR with
 * α = 1/8, β = 1/4) over the link's delay of each delivery, propagation both ways.
 */
public final class SimulatedTransport implements Transport {
    private final SimulatedLink link;
    private final Direction direction;
    private Consumer<byte[]> peer;
    private long lastSubmit;
    private final org.cometsim.offload.RttEstimator rtt;
    private boolean connected = true;
    private final Consumer<Delivery> observer;
    /** Throughput estimate (bytes/s) in this direction, smoothed over deliveries; 0 before the first. */
    private long throughput;
    private RadioWatch radio;
    private boolean answersRadio;

    /**
     * @param observer told of every delivery (energy: radio activity), may be null
     */
    public SimulatedTransport(SimulatedLink link, Direction direction, Consumer<Delivery> observer) {
        this.link = link;
        this.direction = direction;
        this.observer = observer;
        // Before any sample: the link's minimum round trip, as a fresh connection's SYN would measure.
        this.rtt = new org.cometsim.offload.RttEstimator(2 * link.model().minimumLatencyNanos());
    }

    /** Where arriving bytes go: the peer endpoint's {@code receive}. */
    public void deliverTo(Consumer<byte[]> peerReceiver) {
        this.peer = peerReceiver;
    }

    @Override
    public void send(byte[] bytes, long atNanos) {
        if (!connected) {
            return; // the connection failed: nothing more goes out
        }
        long at = Math.max(atNanos, lastSubmit);
        lastSubmit = at;
        Delivery submitted = link.transmit(direction, at, bytes.length, d -> {
            if (observer != null) {
                observer.accept(d); // the radio sent it, delivered or not
            }
            if (!connected) {
                return; // lost with the connection
            }
            sample(2 * (d.deliveredNanos() - d.lastByteSentNanos()));
            sampleThroughput(d);
            peer.accept(bytes);
        });
        if (radio != null) {
            radio.submitted(submitted);
        }
    }

    /**
     * Reports submissions to {@code watch} (the phone's radio); if {@code answers}, this is the
     * phone's transport and {@link #radioState} reads it.
     */
    void watchRadio(RadioWatch watch, boolean answers) {
        this.radio = watch;
        this.answersRadio = answers;
    }

    /** Payload bytes over serialisation time of one delivery, EWMA α = 1/8 (as SRTT). */
    private void sampleThroughput(Delivery d) {
        long serialising = d.lastByteSentNanos() - d.firstByteSentNanos();
        if (serialising <= 0 || d.payloadBytes() <= 0) {
            return;
        }
        long sample = (long) (d.payloadBytes() * 1e9 / serialising);
        throughput = throughput == 0 ? sample : (7 * throughput + sample) / 8;
    }

    @Override
    public long throughputBytesPerSecond() {
        return throughput;
    }

    @Override
    public org.cometsim.offload.policy.RadioState radioState(long nowNanos) {
        return answersRadio && radio != null ? radio.at(nowNanos) : null;
    }

    private void sample(long r) {
        rtt.sample(r);
    }

    @Override
    public long srttNanos() {
        return rtt.srttNanos();
    }

    @Override
    public long rttVarNanos() {
        return rtt.rttVarNanos();
    }

    @Override
    public boolean connected() {
        return connected;
    }

    /** The connection breaks: messages in flight and later ones are lost. */
    public void fail() {
        connected = false;
    }
}
