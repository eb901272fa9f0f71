package org.cometsim.device;

import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.cpu.CpuPresets;
import org.cometsim.device.energy.EnergyPresets;
import org.cometsim.device.energy.PhoneEnergyModel;

/**
 * Start here: the device-models module in one page.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li><b>CPU</b> ({@code org.cometsim.device.cpu}): a {@link CpuModel} gives nanoseconds per
 *       Dalvik instruction for each of the 24 {@link org.cometsim.dalvik.rt.OpcodeClass}es
 *       (the interpreter's own classes), a host-call cost per {@link org.cometsim.dalvik.rt.HostCost}
 *       class, and a core count; it is the VM's {@link org.cometsim.dalvik.rt.CpuTimeModel}. {@code CpuPresets} loads cited YAML presets (2012 phone and server, a
 *       modern phone and edge server); {@code CpuPresetWriter} writes one for
 *       {@code comet calibrate}. Guest threads are scheduled on the model's cores by the VM's own
 *       scheduler (dalvik-model, {@code sched.Scheduler}).</li>
 *   <li><b>Energy</b> ({@code org.cometsim.device.energy}): {@link PhoneEnergyModel} turns an
 *       {@code ActivityTimeline} (radio transfers + CPU busy intervals) into joules per
 *       component, with the 3G RRC (DCH/FACH/IDLE), LTE (promotion, DRX tail, idle) and WiFi
 *       (active, tail, idle) state machines from ARO, PowerTutor and the Nexus S profile.</li>
 *   <li><b>Presets</b> ({@code org.cometsim.device.presets}): {@code PresetCatalog.list()} and
 *       {@code show(name)} over link, CPU and energy presets.</li>
 * </ul>
 *
 * <h2>Example</h2>
 * <pre>{@code
 * CpuModel phone = DeviceModels.cpu("phone-2012-hummingbird-portable");
 * long ns = phone.nanosFor(Map.of("INT_ARITH", 1_000_000L, "INVOKE", 10_000L));
 * }</pre>
 *
 * <p>Stateless convenience methods; no state of its own.
 */
public final class DeviceModels {

    private DeviceModels() {}

    /** The CPU model of a shipped preset. */
    public static CpuModel cpu(String presetName) {
        return CpuPresets.load(presetName).model();
    }

    /** The energy model of a shipped preset. */
    public static PhoneEnergyModel energy(String presetName) {
        return new PhoneEnergyModel(EnergyPresets.load(presetName));
    }
}
