//! The room's default address: the laptop's address on the local network.

use crate::error::{Error, Result};
use std::net::IpAddr;

/// The first non-loopback IPv4 address of the network interfaces, with the
/// interface's name, so the user sees which network phones must join. Never the
/// wildcard 0.0.0.0: binding to every network must be asked for.
pub fn lan_address() -> Result<(IpAddr, String)> {
    let interfaces = if_addrs::get_if_addrs()
        .map_err(|e| Error::Invalid(format!("cannot list the network interfaces: {e}")))?;
    interfaces
        .into_iter()
        .find(|i| !i.is_loopback() && i.ip().is_ipv4())
        .map(|i| (i.ip(), i.name))
        .ok_or_else(|| {
            Error::Invalid(
                "no local network found (join the room's Wi-Fi or start a hotspot), or pass \
                 --bind ADDRESS; --bind 127.0.0.1 tries the room on this machine only"
                    .into(),
            )
        })
}
