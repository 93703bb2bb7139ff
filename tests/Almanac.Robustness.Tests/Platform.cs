// These tests make Unix file kinds (symlink loops, named pipes, sockets, permission bits) and send SIGKILL.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]

// Time bounds are part of what is tested; on a two-core machine, classes running side by side (and the child
// processes of the crash tests) would make them measure each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
