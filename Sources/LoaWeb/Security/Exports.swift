// The server key and libsodium's helpers live in LoaSecrets, which the sender of e-mails shares with the web
// front; the web front's users (commands, tests) keep finding them through LoaWeb.
@_exported import LoaSecrets
