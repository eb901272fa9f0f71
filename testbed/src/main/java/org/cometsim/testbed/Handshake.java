package org.cometsim.testbed;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The testbed's connection set-up, before COMET's first message: mutual authentication by a
 * shared token, then the session's parameters. The token never travels: each side proves it holds
 * it by an HMAC-SHA256 over both sides' fresh random nonces.
 *
 * <pre>
 * phone  → server   "COMETTB1"  nonce_c[32]
 * server → phone    nonce_s[32]  HMAC(token, "server" | nonce_c | nonce_s | binding)
 * phone  → server   HMAC(token, "client" | nonce_c | nonce_s | binding)  u2 n  params[n] (UTF-8 "key=value\n"...)
 * server → phone    u1 status (0 accepted)  u2 n  reason[n]
 * </pre>
 *
 * {@code binding} is empty on plain TCP and, under {@code --tls}, the SHA-256 of the server's
 * certificate as each side sees it: a man in the middle with its own certificate cannot relay the
 * proofs (they would not match), so the phone need not trust the self-signed certificate by any
 * other means. A wrong token fails on the phone (the server's proof does not verify) and on the
 * server (the phone's does not). Since the server's proof is shown to anyone who connects, the
 * token must be long and random ({@link #newToken}: 32 random bytes, hex) so that it cannot be
 * guessed offline.
 */
public final class Handshake {
    private Handshake() {
    }

    static final byte[] MAGIC = "COMETTB1".getBytes(StandardCharsets.US_ASCII);
    static final int NONCE = 32;
    static final int MAC = 32;
    static final int MAX_PARAMS = 4096;

    /** The handshake failed: who failed to prove what, or a malformed message. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /** What the phone learns: the session's round trip (the transport's first RTT sample). */
    public record ClientResult(long rttNanos) {
    }

    /** A fresh token: 32 random bytes in hex. */
    public static String newToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /** The token in a token file: its first line, trimmed; at least 16 characters. */
    public static byte[] readToken(java.nio.file.Path file) throws IOException {
        String t = java.nio.file.Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
        if (t.length() < 16) {
            throw new IOException("token file " + file + ": the token must be at least 16 characters");
        }
        return t.getBytes(StandardCharsets.UTF_8);
    }

    /** The phone's side: proves the token, checks the server's proof, sends {@code params}. */
    public static ClientResult client(DataInputStream in, DataOutputStream out, byte[] token, byte[] binding,
                                      Map<String, String> params) throws IOException {
        byte[] nc = nonce();
        long t0 = System.nanoTime();
        out.write(MAGIC);
        out.write(nc);
        out.flush();
        byte[] ns = new byte[NONCE];
        in.readFully(ns);
        byte[] macS = new byte[MAC];
        in.readFully(macS);
        long rtt = System.nanoTime() - t0;
        if (!MessageDigest.isEqual(macS, mac(token, "server", nc, ns, binding))) {
            throw new Refused("the server could not prove the token (wrong token, or not a comet server)");
        }
        out.write(mac(token, "client", nc, ns, binding));
        byte[] p = encode(params);
        out.writeShort(p.length);
        out.write(p);
        out.flush();
        int status = in.readUnsignedByte();
        byte[] reason = new byte[in.readUnsignedShort()];
        in.readFully(reason);
        if (status != 0) {
            throw new Refused("the server refused: " + new String(reason, StandardCharsets.UTF_8));
        }
        return new ClientResult(rtt);
    }

    /**
     * The server's side, up to the phone's parameters: checks the magic and the phone's proof.
     * The caller answers with {@link #accept} or {@link #refuse}.
     */
    public static Map<String, String> server(DataInputStream in, DataOutputStream out, byte[] token, byte[] binding)
            throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!MessageDigest.isEqual(magic, MAGIC)) {
            throw new Refused("not a comet testbed client (bad greeting)");
        }
        byte[] nc = new byte[NONCE];
        in.readFully(nc);
        byte[] ns = nonce();
        out.write(ns);
        out.write(mac(token, "server", nc, ns, binding));
        out.flush();
        byte[] macC = new byte[MAC];
        in.readFully(macC);
        if (!MessageDigest.isEqual(macC, mac(token, "client", nc, ns, binding))) {
            throw new Refused("the client could not prove the token");
        }
        int n = in.readUnsignedShort();
        if (n > MAX_PARAMS) {
            throw new Refused("session parameters of " + n + " bytes");
        }
        byte[] p = new byte[n];
        in.readFully(p);
        return decode(p);
    }

    public static void accept(DataOutputStream out) throws IOException {
        out.writeByte(0);
        out.writeShort(0);
        out.flush();
    }

    public static void refuse(DataOutputStream out, String reason) throws IOException {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        out.writeByte(1);
        out.writeShort(Math.min(r.length, 1024));
        out.write(r, 0, Math.min(r.length, 1024));
        out.flush();
    }

    static byte[] mac(byte[] token, String role, byte[] nc, byte[] ns, byte[] binding) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(token, "HmacSHA256"));
            m.update(role.getBytes(StandardCharsets.US_ASCII));
            m.update(nc);
            m.update(ns);
            m.update(binding);
            return m.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] nonce() {
        byte[] b = new byte[NONCE];
        new SecureRandom().nextBytes(b);
        return b;
    }

    static byte[] encode(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> decode(byte[] p) throws Refused {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : new String(p, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new Refused("malformed session parameter");
            }
            m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return m;
    }
}
