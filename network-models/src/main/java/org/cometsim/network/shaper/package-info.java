/**
 * The testbed's link: {@link org.cometsim.network.shaper.LinkShaper}, a user-space loopback TCP
 * relay that applies the simulator's own {@link org.cometsim.net.LinkModel} to a real byte stream
 * (issue #16), so that a scenario's link means the same thing in the simulator and in the testbed.
 *
 * <h2>How the model meets a byte stream</h2>
 * The simulator hands its link whole messages ({@code Transport.send}); the relay sees a byte
 * stream and hands the model each chunk one {@code read} returns (at most
 * {@link org.cometsim.network.shaper.LinkShaper.Options#readBufferBytes()}), submitted at the
 * instant it was read, and writes the chunk to the far side at the model's delivery time. On
 * loopback a sender's write normally arrives as one chunk, so chunks are the sender's messages;
 * when a write is split across reads, or two writes are read as one, the model frames the pieces
 * separately: payload bytes and their order are exact, wire bytes may differ from the simulator's
 * by one partial segment's headers (52 B) per split, and the last byte's delivery by their
 * serialisation time. Everything else is the model's arithmetic, unchanged:
 * <ul>
 *   <li>one-way latency and jitter: added to each chunk's delivery (in order per direction);</li>
 *   <li>up/down bandwidth: serialisation delay per byte, with a FIFO bottleneck queue per direction
 *       (a chunk starts sending when the previous one finished); the relay keeps reading while
 *       chunks wait, so the queue is the model's, never the socket's;</li>
 *   <li>loss: a lossy TCP connection never loses bytes, it delivers them late (the retransmission
 *       after an RTO blocks everything behind it). The relay's own sockets are lossless loopback,
 *       so it applies loss exactly as the simulator's {@link org.cometsim.net.ShapedLinkModel}
 *       does: per segment Bernoulli losses, each costing the segment's bytes again and one RTO
 *       (doubling on repeated loss); the chunk is released that much later and the extra bytes
 *       are counted in {@link org.cometsim.network.shaper.LinkShaper#wireBytes};</li>
 *   <li>outages: by default a window breaks the connection at its start and refuses connections
 *       inside it, as the simulator's {@code OffloadRun} does; or only pauses transmission
 *       ({@link org.cometsim.network.shaper.LinkShaper.OutageMode#HOLD});</li>
 *   <li>Mahimahi traces ({@link org.cometsim.net.MahimahiTraceLinkModel}): packet delivery
 *       opportunities per millisecond, trace time zero at the shaper's start.</li>
 * </ul>
 * Random draws (jitter, loss) come from the same named streams of the run's seed as in the
 * simulator; they match draw for draw only while the chunks match the simulator's messages.
 *
 * <h2>What it adds and leaves out</h2>
 * The real loopback hops (phone → relay → server: two kernel TCP connections) add tens of
 * microseconds and their own buffering; the relay's timer wakes up late by the host's scheduling
 * latency (each {@link org.cometsim.network.shaper.Release} records when it really went out).
 * Nothing here models TCP's congestion window, ACK traffic or a receive window beyond what the
 * link model says (see {@code ShapedLinkModel}'s Javadoc): the relay applies the model, it does
 * not validate it.
 */
package org.cometsim.network.shaper;
