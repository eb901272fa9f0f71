package org.cometsim.offload.dsm;

import java.util.ArrayList;
import java.util.List;

import org.cometsim.offload.wire.ProtocolException;

/**
 * A guest exception's stack trace (the host {@code StackTraceElement[]} the Throwable model keeps)
 * as text for the wire: one line per element, its fields separated by tabs (none of them can
 * contain a tab or a newline in a class file), file name and line number optional.
 */
final class StackTraces {
    private StackTraces() {
    }

    static String encode(StackTraceElement[] trace) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : trace) {
            sb.append(e.getClassName()).append('\t').append(e.getMethodName()).append('\t')
                    .append(e.getFileName() == null ? "" : e.getFileName()).append('\t').append(e.getLineNumber()).append('\n');
        }
        return sb.toString();
    }

    static StackTraceElement[] decode(String text) {
        List<StackTraceElement> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new ProtocolException("stack trace element '" + line + "'");
            }
            int lineNo;
            try {
                lineNo = Integer.parseInt(f[3]);
            } catch (NumberFormatException e) {
                throw new ProtocolException("stack trace line number '" + f[3] + "'");
            }
            out.add(new StackTraceElement(f[0], f[1], f[2].isEmpty() ? null : f[2], lineNo));
        }
        return out.toArray(new StackTraceElement[0]);
    }
}
