package org.bluemarble.protocol.udp;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A server endpoint and one client endpoint joined by an in-memory, hand-pumped network. */
final class UdpTestRig {

  static final long PROTOCOL_ID = 0x424C55454D41524CL;
  static final String SERVER_ADDRESS = "127.0.0.1:7777";
  static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 7777);
  static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50000);

  final ConnectTokenIssuer issuer =
      new ConnectTokenIssuer(PROTOCOL_ID, ConnectTokenIssuer.generateKey());
  final UdpServerEndpoint server =
      new UdpServerEndpoint(new UdpServerEndpoint.Settings(issuer, SERVER_ADDRESS, 16));
  final UdpOutput serverOut = new UdpOutput();
  final UdpOutput clientOut = new UdpOutput();
  final List<UdpEvent> serverEvents = new ArrayList<>();
  final List<UdpEvent> clientEvents = new ArrayList<>();
  final List<byte[]> clientToServerLog = new ArrayList<>();
  final List<byte[]> serverToClientLog = new ArrayList<>();
  long now = 1_000_000;

  ConnectToken token(String player) {
    return issuer.issue(player, SERVER_ADDRESS, now, 30_000, 5_000);
  }

  UdpClientEndpoint client(ConnectToken token) {
    return new UdpClientEndpoint(token, SERVER, "p1");
  }

  /** Delivers all pending datagrams both ways until the network is quiet. */
  void pump(UdpClientEndpoint client) {
    for (int round = 0; round < 20; round++) {
      List<UdpOutput.Datagram> up = clientOut.drainDatagrams();
      List<UdpOutput.Datagram> down = serverOut.drainDatagrams();
      if (up.isEmpty() && down.isEmpty()) {
        break;
      }
      for (UdpOutput.Datagram d : up) {
        clientToServerLog.add(d.bytes());
        server.receive(d.bytes(), d.bytes().length, CLIENT, now, serverOut);
      }
      for (UdpOutput.Datagram d : down) {
        serverToClientLog.add(d.bytes());
        client.receive(d.bytes(), d.bytes().length, now, clientOut);
      }
      serverEvents.addAll(serverOut.drainEvents());
      clientEvents.addAll(clientOut.drainEvents());
    }
  }

  UdpClientEndpoint connected(String player) {
    UdpClientEndpoint client = client(token(player));
    client.connect(now, clientOut);
    pump(client);
    return client;
  }
}
