// These tests make Unix file kinds (symlink loops, named pipes, sockets, permission bits) and send SIGKILL.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
