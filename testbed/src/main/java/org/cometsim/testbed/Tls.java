package org.cometsim.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@code --tls}: the JDK's own TLS around the testbed's sockets.
 *
 * <h2>Trust model</h2>
 * The server generates a fresh self-signed key pair at start (the JDK's {@code keytool}, RSA 2048,
 * in a temporary keystore deleted on exit); nobody vouches for it, and the phone accepts any
 * certificate during the TLS handshake. Authentication is the token's job: both sides bind their
 * HMAC proofs ({@link Handshake}) to the SHA-256 of the certificate the phone saw, so a man in
 * the middle presenting its own certificate cannot complete the handshake with either side
 * without the token, and once it completes, the TLS channel is known to end at a holder of the
 * token. TLS adds confidentiality and integrity of the offload traffic (heap contents, code).
 * What it does not give: protection against a holder of the token (every client with the token is
 * trusted to the extent of the per-session limits), nor forward secrecy beyond what the
 * negotiated TLS 1.3 suite provides.
 */
public final class Tls {
    private final SSLContext context;
    private final byte[] binding;

    private Tls(SSLContext context, byte[] binding) {
        this.context = context;
        this.binding = binding;
    }

    /** A server-side TLS context with a freshly generated self-signed key. */
    public static Tls generateServer() throws IOException {
        Path dir = Files.createTempDirectory("comet-serve-tls");
        Path ks = dir.resolve("server.p12");
        char[] pass = Handshake.newToken().toCharArray();
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "comet", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=comet-serve", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", new String(pass), "-keypass", new String(pass), "-noprompt")
                .redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("keytool failed: " + output.trim());
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(ks)) {
                store.load(in, pass);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, pass);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
            Certificate cert = store.getCertificate("comet");
            return new Tls(ctx, fingerprint(cert));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating the TLS key", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(ks);
            Files.deleteIfExists(dir);
        }
    }

    ServerSocket serverSocket() throws IOException {
        SSLServerSocket s = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        s.setEnabledProtocols(new String[] {"TLSv1.3"});
        return s;
    }

    /** The server certificate's SHA-256, as the server knows it. */
    byte[] binding() {
        return binding.clone();
    }

    /**
     * The phone's side: wraps a connected socket, completes the TLS handshake, and returns the
     * socket with the binding (the SHA-256 of the certificate it was shown).
     */
    static Wrapped clientWrap(Socket plain, String host) throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AnyCertificate()}, new SecureRandom());
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, plain.getPort(), true);
            s.setEnabledProtocols(new String[] {"TLSv1.3"});
            s.startHandshake();
            Certificate[] chain = s.getSession().getPeerCertificates();
            return new Wrapped(s, fingerprint(chain[0]));
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS: " + e.getMessage(), e);
        }
    }

    record Wrapped(Socket socket, byte[] binding) {
    }

    private static byte[] fingerprint(Certificate c) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
    }

    /** Accepts any certificate: the token proofs, bound to the certificate, authenticate the server. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
