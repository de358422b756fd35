//! The wire under a class game: renet's reliable, ordered channel over netcode's UDP
//! connections (the transport bevy_replicon_renet uses underneath). Lockstep sends each month's
//! commands, not the world's entities, so one channel each way carries the lockstep messages
//! (`lockstep::ToHost`, `lockstep::ToTeam`) as bytes, in order, resent until acknowledged.
//!
//! Nothing here reaches the model: wall-clock time feeds netcode's timeouts only.
//!
//! Limits: a team's messages may hold `lockstep::MAX_MESSAGE` bytes unacknowledged at most (more
//! and renet drops that team's connection); the host's may hold a resent state as well. Netcode
//! runs unsecured (no connect tokens, no key server): on a classroom network the password in the
//! team's Hello is the gate, and it travels in the clear.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs, UdpSocket};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use renet::{ChannelConfig, ConnectionConfig, RenetClient, RenetServer, SendType, ServerEvent};
use renet_netcode::{
    ClientAuthentication, NetcodeClientTransport, NetcodeServerTransport, ServerAuthentication, ServerConfig,
};

use super::lockstep::{MAX_MESSAGE, MAX_STATE, To, ToHost, ToTeam, encode};

/// Netcode's protocol id: change it only when the transport itself changes (a client of another
/// id is dropped without a word, so versions are checked in the Hello, which can say why).
pub const PROTOCOL_ID: u64 = u64::from_le_bytes(*b"TRDCRFT1");
/// The port a class game listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 5150;
/// Teams at most (Japan and the United States, and room for observers and rejoins).
pub const MAX_TEAMS: usize = 16;
const CHANNEL: u8 = 0;

fn config() -> ConnectionConfig {
    let channel = |max| {
        vec![ChannelConfig {
            channel_id: CHANNEL,
            max_memory_usage_bytes: max,
            send_type: SendType::ReliableOrdered {
                resend_time: Duration::from_millis(200),
            },
        }]
    };
    ConnectionConfig {
        // A LAN: a resent state (a few MB) goes in a few updates.
        available_bytes_per_tick: 1 << 20,
        server_channels_config: channel(MAX_STATE + 4 * MAX_MESSAGE),
        client_channels_config: channel(4 * MAX_MESSAGE),
    }
}

fn now() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

/// What the host's network did since the last pump.
#[derive(Debug, Clone, PartialEq)]
pub enum NetEvent {
    /// A laptop connected (it joins a side with its Hello).
    Connected(u64),
    /// A laptop went away, and why.
    Disconnected(u64, String),
    /// Bytes from a laptop (a `ToHost`, to decode).
    Message(u64, Vec<u8>),
}

/// The host's end: listens on a UDP port for teams.
pub struct Server {
    server: RenetServer,
    transport: NetcodeServerTransport,
    /// Bytes of messages sent and received (the lockstep's own, before renet's headers).
    pub sent: u64,
    pub received: u64,
}

impl Server {
    /// Listen on `port` on every interface (0: any free port; `local_addr` says which).
    pub fn bind(port: u16) -> Result<Server, String> {
        Server::bind_to(SocketAddr::from((Ipv4Addr::UNSPECIFIED, port)))
    }

    pub fn bind_to(addr: SocketAddr) -> Result<Server, String> {
        let socket = UdpSocket::bind(addr).map_err(|e| {
            format!(
                "cannot listen on {addr}: {e} (another program on that port? try --port {})",
                DEFAULT_PORT + 1
            )
        })?;
        let local = socket.local_addr().map_err(|e| e.to_string())?;
        let transport = NetcodeServerTransport::new(
            ServerConfig {
                current_time: now(),
                max_clients: MAX_TEAMS,
                protocol_id: PROTOCOL_ID,
                public_addresses: vec![local],
                authentication: ServerAuthentication::Unsecure,
            },
            socket,
        )
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        Ok(Server {
            server: RenetServer::new(config()),
            transport,
            sent: 0,
            received: 0,
        })
    }

    /// The address teams connect to (the port, on this machine's addresses).
    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.transport.addresses().first().copied()
    }

    /// Read the network: who came, who went, what they sent (in order, per laptop).
    pub fn pump(&mut self, dt: Duration) -> Vec<NetEvent> {
        let mut out = Vec::new();
        self.server.update(dt);
        if let Err(e) = self.transport.update(dt, &mut self.server) {
            // A socket error is the machine's, not a team's: report it and go on.
            out.push(NetEvent::Disconnected(0, format!("network error: {e}")));
        }
        while let Some(event) = self.server.get_event() {
            out.push(match event {
                ServerEvent::ClientConnected { client_id } => NetEvent::Connected(client_id),
                ServerEvent::ClientDisconnected { client_id, reason } => {
                    NetEvent::Disconnected(client_id, reason.to_string())
                }
            });
        }
        for id in self.server.clients_id() {
            while let Some(bytes) = self.server.receive_message(id, CHANNEL) {
                self.received += bytes.len() as u64;
                out.push(NetEvent::Message(id, bytes.to_vec()));
            }
        }
        out
    }

    /// Send a message to one laptop or all; a laptop that has gone is skipped.
    pub fn send(&mut self, to: To, msg: &ToTeam) {
        let bytes = encode(msg);
        for id in self.server.clients_id() {
            if to == To::All || to == To::One(id) {
                self.sent += bytes.len() as u64;
                self.server.send_message(id, CHANNEL, bytes.clone());
            }
        }
    }

    /// Put what was sent on the wire.
    pub fn flush(&mut self) {
        self.transport.send_packets(&mut self.server);
    }

    /// Drop one laptop.
    pub fn kick(&mut self, id: u64) {
        self.server.disconnect(id);
    }

    /// Say goodbye to every laptop.
    pub fn close(&mut self) {
        self.transport.disconnect_all(&mut self.server);
    }

    /// Laptops connected now.
    pub fn connected(&self) -> usize {
        self.server.connected_clients()
    }
}

/// Where to find a host: "192.168.1.20", "192.168.1.20:5150", "teacher-pc:5150" or "[::1]:5150".
/// IPv4 first when a name has both ("localhost" may say ::1 first).
pub fn resolve(address: &str) -> Result<SocketAddr, String> {
    let address = address.trim();
    let found = if let Ok(a) = address.parse::<SocketAddr>() {
        Ok(vec![a])
    } else if let Ok(ip) = address.parse::<std::net::IpAddr>() {
        Ok(vec![SocketAddr::new(ip, DEFAULT_PORT)])
    } else if address.contains(':') {
        address.to_socket_addrs().map(Iterator::collect)
    } else {
        (address, DEFAULT_PORT).to_socket_addrs().map(Iterator::collect)
    };
    let addrs: Vec<SocketAddr> = found
        .map_err(|e| format!("cannot find the host \"{address}\": {e} (write its address as the teacher's console shows it, e.g. 192.168.1.20:{DEFAULT_PORT})"))?;
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or_else(|| format!("the host \"{address}\" has no address"))
}

/// A team's end: one connection to the host.
pub struct Client {
    client: RenetClient,
    transport: NetcodeClientTransport,
    pub host: SocketAddr,
    pub sent: u64,
    pub received: u64,
}

impl Client {
    /// Connect to the host at `address` (see `resolve`); the connection is made over the next
    /// pumps (`connected`).
    pub fn connect(address: &str) -> Result<Client, String> {
        let host = resolve(address)?;
        let any = if host.is_ipv4() {
            SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0))
        } else {
            SocketAddr::from((Ipv6Addr::UNSPECIFIED, 0))
        };
        let socket = UdpSocket::bind(any).map_err(|e| format!("cannot open a network socket: {e}"))?;
        // A fresh id on every (re)join: netcode refuses a second connection under a live id, and
        // a dropped one lingers for its timeout.
        let id = crate::sim::state::fnv1a(
            format!(
                "{:?} {} {:?}",
                now(),
                std::process::id(),
                socket.local_addr().ok()
            )
            .as_bytes(),
        );
        let auth = ClientAuthentication::Unsecure {
            protocol_id: PROTOCOL_ID,
            client_id: id,
            server_addr: host,
            user_data: None,
        };
        // Netcode's unsecured token expires 300 s after the client's clock: a margin of a day
        // lets a laptop whose clock is behind the teacher's still connect.
        let transport = NetcodeClientTransport::new(now() + Duration::from_secs(86_400), auth, socket)
            .map_err(|e| format!("cannot connect to {host}: {e}"))?;
        Ok(Client {
            client: RenetClient::new(config()),
            transport,
            host,
            sent: 0,
            received: 0,
        })
    }

    /// Read the network: the host's messages, in order. An error when the connection is gone,
    /// with the reason.
    pub fn pump(&mut self, dt: Duration) -> Result<Vec<Vec<u8>>, String> {
        self.client.update(dt);
        if let Err(e) = self.transport.update(dt, &mut self.client) {
            return Err(format!("lost the host at {}: {e}", self.host));
        }
        if let Some(reason) = self.client.disconnect_reason() {
            return Err(format!("lost the host at {}: {reason}", self.host));
        }
        let mut out = Vec::new();
        while let Some(bytes) = self.client.receive_message(CHANNEL) {
            self.received += bytes.len() as u64;
            out.push(bytes.to_vec());
        }
        Ok(out)
    }

    pub fn connected(&self) -> bool {
        self.client.is_connected()
    }

    /// Send a message to the host (after `connected`).
    pub fn send(&mut self, msg: &ToHost) {
        let bytes = encode(msg);
        self.sent += bytes.len() as u64;
        self.client.send_message(CHANNEL, bytes);
    }

    /// Put what was sent on the wire.
    pub fn flush(&mut self) {
        // An error here is a socket's; the next pump reports a lost connection.
        let _ = self.transport.send_packets(&mut self.client);
    }

    pub fn disconnect(&mut self) {
        self.transport.disconnect();
    }
}

/// The addresses of this machine a team can type (the LAN ones first).
pub fn addresses(port: u16) -> Vec<String> {
    // The address the system would use to reach another network: no packet is sent.
    let lan = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").map(|_| s))
        .and_then(|s| s.local_addr())
        .ok()
        .map(|a| a.ip())
        .filter(|ip| !ip.is_unspecified());
    lan.into_iter()
        .map(|ip| format!("{ip}:{port}"))
        .chain(std::iter::once(format!("127.0.0.1:{port} (this machine)")))
        .collect()
}
