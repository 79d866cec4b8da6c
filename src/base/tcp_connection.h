#pragma once
#include <cstddef>
#include <string_view>

namespace smsdoc {

/// An accepted TCP connection: the system's number for it, owned by whoever
/// accepted it until Close. Plain, so a server can keep a set of them.
using TcpConnection = int;

/// Receives up to `size` bytes into `buffer`: how many, 0 when the peer
/// closed, -1 on an error or a timeout. A signal does not cut it short.
long Receive(TcpConnection connection, char* buffer, size_t size);

/// Sends all of `data`, across partial sends, without ever raising
/// SIGPIPE; false when the peer went or stopped reading past the timeout.
bool SendAll(TcpConnection connection, std::string_view data);

/// Ends both directions, so a thread waiting on the connection returns at
/// once; the number stays the caller's until Close.
void ShutDown(TcpConnection connection);

void Close(TcpConnection connection);

}  // namespace smsdoc
