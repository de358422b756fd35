//! The wire under a class game: renet's reliable, ordered channel over netcode's UDP
//! connections (the transport bevy_replicon_renet uses underneath). Lockstep sends each month's
//! commands, not the world's entities, so one channel each way carries the lockstep messages
//! (`lockstep::ToHost`, `lockstep::ToTeam`) as bytes, in order, resent until acknowledged.
//!
//! Each end's socket is served by a thread of its own, every few milliseconds: netcode's
//! keep-alives and renet's resends never wait for the game window (which sleeps when nothing
//! changes) or for a month being run; the game takes what arrived (`pump`) and queues what it
//! sends, and a `Waker` lets the window sleep until something arrives.
//!
//! Nothing here reaches the model: wall-clock time feeds netcode's timeouts only.
//!
//! Limits: a team's messages may hold `lockstep::MAX_MESSAGE` bytes unacknowledged at most (more
//! and renet drops that team's connection); the host's may hold a resent state as well. Netcode
//! runs unsecured (no connect tokens, no key server): on a classroom network the password in the
//! team's Hello is the gate, and it travels in the clear.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs, UdpSocket};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use renet::{ChannelConfig, ConnectionConfig, RenetClient, RenetServer, SendType, ServerEvent};
use renet_netcode::{
    ClientAuthentication, NetcodeClientTransport, NetcodeServerTransport, ServerAuthentication, ServerConfig,
};

use super::lockstep::{MAX_MESSAGE, MAX_STATE, To, ToHost, ToTeam, encode};
use crate::i18n::Words;

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

/// Called from the network's thread when something arrived: the game window wakes its event
/// loop with it (the window otherwise sleeps).
pub type Waker = Arc<Mutex<Option<Box<dyn Fn() + Send>>>>;

/// How often the network's thread reads the socket and resends: netcode's keep-alives and
/// renet's acknowledgements need a steady beat, whatever the window is doing.
const BEAT: Duration = Duration::from_millis(4);

/// What the game asks of the network's thread.
enum Out {
    Send(To, Vec<u8>),
    Kick(u64),
    Close,
}

fn wake(waker: &Waker) {
    if let Some(w) = waker.lock().ok().as_deref().and_then(Option::as_ref) {
        w();
    }
}

/// The host's end: listens on a UDP port for teams. The socket is served by a thread of its
/// own (`BEAT`), so a window that sleeps or a month that runs never stalls the connections;
/// `pump` takes what arrived, `send` queues.
pub struct Server {
    out: Sender<Out>,
    // In a mutex only to be `Sync` (a game window's resource); one reader.
    events: Mutex<Receiver<NetEvent>>,
    local: Option<SocketAddr>,
    connected: Arc<AtomicUsize>,
    pub waker: Waker,
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
            Words::new("class-net-cannot-listen-port")
                .plain("addr", addr.to_string())
                .plain("error", e.to_string())
                .plain("port", (DEFAULT_PORT + 1).to_string())
                .to_string()
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
        .map_err(|e| {
            Words::new("class-net-cannot-listen")
                .plain("addr", addr.to_string())
                .plain("error", e.to_string())
                .to_string()
        })?;
        let (out, out_rx) = channel();
        let (events_tx, events) = channel();
        let connected = Arc::new(AtomicUsize::new(0));
        let waker: Waker = Arc::default();
        let (c, w) = (connected.clone(), waker.clone());
        std::thread::Builder::new()
            .name("class host network".into())
            .spawn(move || serve(RenetServer::new(config()), transport, out_rx, events_tx, c, w))
            .map_err(|e| {
                Words::new("class-net-cannot-start")
                    .plain("error", e.to_string())
                    .to_string()
            })?;
        Ok(Server {
            out,
            events: Mutex::new(events),
            local: Some(local),
            connected,
            waker,
            sent: 0,
            received: 0,
        })
    }

    /// The address teams connect to (the port, on this machine's addresses).
    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.local
    }

    /// What arrived since the last pump: who came, who went, what they sent (in order, per
    /// laptop).
    pub fn pump(&mut self) -> Vec<NetEvent> {
        let got: Vec<NetEvent> = match self.events.get_mut() {
            Ok(rx) => rx.try_iter().collect(),
            Err(_) => Vec::new(),
        };
        for e in &got {
            if let NetEvent::Message(_, bytes) = e {
                self.received += bytes.len() as u64;
            }
        }
        got
    }

    /// Send a message to one laptop or all; a laptop that has gone is skipped.
    pub fn send(&mut self, to: To, msg: &ToTeam) {
        let bytes = encode(msg);
        let copies = match to {
            To::All => self.connected.load(Ordering::Relaxed) as u64,
            To::One(_) => 1,
        };
        self.sent += bytes.len() as u64 * copies;
        let _ = self.out.send(Out::Send(to, bytes));
    }

    /// Drop one laptop.
    pub fn kick(&mut self, id: u64) {
        let _ = self.out.send(Out::Kick(id));
    }

    /// Say goodbye to every laptop.
    pub fn close(&mut self) {
        let _ = self.out.send(Out::Close);
        // A beat or two for the goodbyes to leave.
        std::thread::sleep(BEAT * 10);
    }

    /// Laptops connected now.
    pub fn connected(&self) -> usize {
        self.connected.load(Ordering::Relaxed)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.out.send(Out::Close);
    }
}

/// The host's network thread: until the game closes (or is dropped).
fn serve(
    mut server: RenetServer,
    mut transport: NetcodeServerTransport,
    out: Receiver<Out>,
    events: Sender<NetEvent>,
    connected: Arc<AtomicUsize>,
    waker: Waker,
) {
    let mut last = Instant::now();
    loop {
        let mut closing = false;
        loop {
            match out.try_recv() {
                Ok(Out::Send(to, bytes)) => {
                    for id in server.clients_id() {
                        if to == To::All || to == To::One(id) {
                            server.send_message(id, CHANNEL, bytes.clone());
                        }
                    }
                }
                Ok(Out::Kick(id)) => server.disconnect(id),
                Ok(Out::Close) | Err(TryRecvError::Disconnected) => {
                    closing = true;
                    break;
                }
                Err(TryRecvError::Empty) => break,
            }
        }
        if closing {
            transport.disconnect_all(&mut server);
            return;
        }
        let dt = last.elapsed();
        last = Instant::now();
        server.update(dt);
        let mut got = Vec::new();
        if let Err(e) = transport.update(dt, &mut server) {
            // A socket error is the machine's, not a team's: report it and go on.
            got.push(NetEvent::Disconnected(
                0,
                Words::new("class-net-error")
                    .plain("error", e.to_string())
                    .to_string(),
            ));
        }
        while let Some(event) = server.get_event() {
            got.push(match event {
                ServerEvent::ClientConnected { client_id } => NetEvent::Connected(client_id),
                ServerEvent::ClientDisconnected { client_id, reason } => {
                    NetEvent::Disconnected(client_id, why(&reason))
                }
            });
        }
        for id in server.clients_id() {
            while let Some(bytes) = server.receive_message(id, CHANNEL) {
                got.push(NetEvent::Message(id, bytes.to_vec()));
            }
        }
        connected.store(server.connected_clients(), Ordering::Relaxed);
        transport.send_packets(&mut server);
        if !got.is_empty() {
            for e in got {
                if events.send(e).is_err() {
                    return;
                }
            }
            wake(&waker);
        }
        std::thread::sleep(BEAT);
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
    let addrs: Vec<SocketAddr> = found.map_err(|e| {
        Words::new("class-net-cannot-find")
            .plain("address", address)
            .plain("error", e.to_string())
            .plain("port", DEFAULT_PORT.to_string())
            .to_string()
    })?;
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or_else(|| {
            Words::new("class-net-no-address")
                .plain("address", address)
                .to_string()
        })
}

/// What the team's network thread reports.
enum In {
    Message(Vec<u8>),
    Lost(String),
}

/// A team's end: one connection to the host, served by a thread of its own (see `Server`).
pub struct Client {
    out: Sender<Out>,
    events: Mutex<Receiver<In>>,
    is_connected: Arc<AtomicBool>,
    lost: Option<String>,
    pub waker: Waker,
    pub host: SocketAddr,
    pub sent: u64,
    pub received: u64,
}

impl Client {
    /// Connect to the host at `address` (see `resolve`); the connection is made on the
    /// network's thread (`connected`).
    pub fn connect(address: &str) -> Result<Client, String> {
        let host = resolve(address)?;
        let any = if host.is_ipv4() {
            SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0))
        } else {
            SocketAddr::from((Ipv6Addr::UNSPECIFIED, 0))
        };
        let socket = UdpSocket::bind(any).map_err(|e| {
            Words::new("class-net-no-socket")
                .plain("error", e.to_string())
                .to_string()
        })?;
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
            .map_err(|e| {
                Words::new("class-net-cannot-connect")
                    .plain("host", host.to_string())
                    .plain("error", e.to_string())
                    .to_string()
            })?;
        let (out, out_rx) = channel();
        let (events_tx, events) = channel();
        let is_connected = Arc::new(AtomicBool::new(false));
        let waker: Waker = Arc::default();
        let (c, w) = (is_connected.clone(), waker.clone());
        std::thread::Builder::new()
            .name("class team network".into())
            .spawn(move || {
                connect_loop(
                    RenetClient::new(config()),
                    transport,
                    host,
                    out_rx,
                    events_tx,
                    c,
                    w,
                )
            })
            .map_err(|e| {
                Words::new("class-net-cannot-start")
                    .plain("error", e.to_string())
                    .to_string()
            })?;
        Ok(Client {
            out,
            events: Mutex::new(events),
            is_connected,
            lost: None,
            waker,
            host,
            sent: 0,
            received: 0,
        })
    }

    /// The host's messages that arrived, in order. An error when the connection is gone,
    /// with the reason.
    pub fn pump(&mut self) -> Result<Vec<Vec<u8>>, String> {
        let mut got = Vec::new();
        let arrived: Vec<In> = match self.events.get_mut() {
            Ok(rx) => rx.try_iter().collect(),
            Err(_) => Vec::new(),
        };
        for e in arrived {
            match e {
                In::Message(bytes) => {
                    self.received += bytes.len() as u64;
                    got.push(bytes);
                }
                In::Lost(why) => self.lost = Some(why),
            }
        }
        // What came before the loss still counts (a refusal, then the disconnect).
        match (&self.lost, got.is_empty()) {
            (Some(why), true) => Err(why.clone()),
            _ => Ok(got),
        }
    }

    pub fn connected(&self) -> bool {
        self.is_connected.load(Ordering::Relaxed)
    }

    /// Send a message to the host (after `connected`).
    pub fn send(&mut self, msg: &ToHost) {
        let bytes = encode(msg);
        self.sent += bytes.len() as u64;
        let _ = self.out.send(Out::Send(To::All, bytes));
    }

    pub fn disconnect(&mut self) {
        let _ = self.out.send(Out::Close);
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.out.send(Out::Close);
    }
}

/// The team's network thread: until the game closes, the host goes, or it is dropped.
fn connect_loop(
    mut client: RenetClient,
    mut transport: NetcodeClientTransport,
    host: SocketAddr,
    out: Receiver<Out>,
    events: Sender<In>,
    is_connected: Arc<AtomicBool>,
    waker: Waker,
) {
    let mut last = Instant::now();
    loop {
        loop {
            match out.try_recv() {
                Ok(Out::Send(_, bytes)) => client.send_message(CHANNEL, bytes),
                Ok(Out::Kick(_)) => {}
                Ok(Out::Close) | Err(TryRecvError::Disconnected) => {
                    transport.disconnect();
                    is_connected.store(false, Ordering::Relaxed);
                    return;
                }
                Err(TryRecvError::Empty) => break,
            }
        }
        let dt = last.elapsed();
        last = Instant::now();
        client.update(dt);
        let lost_with = |error: String| {
            Words::new("class-net-lost")
                .plain("host", host.to_string())
                .plain("error", error)
                .to_string()
        };
        let lost = match transport.update(dt, &mut client) {
            Err(e) => Some(lost_with(e.to_string())),
            Ok(()) => client.disconnect_reason().map(|reason| lost_with(why(&reason))),
        };
        let mut woke = false;
        while let Some(bytes) = client.receive_message(CHANNEL) {
            woke = true;
            if events.send(In::Message(bytes.to_vec())).is_err() {
                return;
            }
        }
        let was = is_connected.swap(client.is_connected(), Ordering::Relaxed);
        woke |= was != client.is_connected();
        if let Some(why) = lost {
            is_connected.store(false, Ordering::Relaxed);
            let _ = events.send(In::Lost(why));
            wake(&waker);
            return;
        }
        // An error here is a socket's; the next update reports a lost connection.
        let _ = transport.send_packets(&mut client);
        if woke {
            wake(&waker);
        }
        std::thread::sleep(BEAT);
    }
}

/// Why a connection ended, in English as renet says it; the common reasons are messages
/// (`wording::words_of` words them for the reader).
fn why(reason: &renet::DisconnectReason) -> String {
    use renet::DisconnectReason::*;
    match reason {
        Transport => Words::new("class-net-by-transport").to_string(),
        DisconnectedByClient => Words::new("class-net-by-client").to_string(),
        DisconnectedByServer => Words::new("class-net-by-server").to_string(),
        other => other.to_string(),
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
        .chain(std::iter::once(crate::tr!(
            "console-this-machine",
            address = format!("127.0.0.1:{port}")
        )))
        .collect()
}
