package dev.ballast.scheduler.ha;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay between one Ballast instance and a server, so a test can cut that instance off the network
 * (a partition) while the others still reach the server: {@link #cut()} silently drops every byte both ways on
 * the open connections and blackholes new ones (accepted, never answered), as a partitioned link looks: nobody is
 * told, each side only notices the silence. {@link #heal()} relays new connections again.
 */
final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean closed;

    TcpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("relay-" + targetPort).start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    void cut() {
        cut = true;
    }

    void heal() {
        cut = false;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    sockets.add(client); // held open and never answered, until closed
                    continue;
                }
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                sockets.add(client);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                boolean dead = false;
                while ((n = in.read(buffer)) >= 0) {
                    dead |= cut; // a connection that saw the partition stays dead, as its peers gave up on it
                    if (dead) {
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed, or the relay was cut
            } finally {
                quietClose(from);
                quietClose(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        });
    }

    private static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        sockets.forEach(TcpRelay::quietClose);
        listener.close();
    }
}
