# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_skiff_global_optspecs
    string join \n root= runroot= log-level= storage-driver= h/help V/version
end

function __fish_skiff_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_skiff_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_skiff_using_subcommand
    set -l cmd (__fish_skiff_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c skiff -n "__fish_skiff_needs_command" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_needs_command" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_needs_command" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_needs_command" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_needs_command" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "info" -d 'Show what this host allows, the id mappings, helpers and storage paths'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "unshare" -d 'Run a command inside skiff\'s user namespace (default: your shell)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "version" -d 'Show version information'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "generate-docs" -d 'Write completions/ and man/ from the command definitions (for maintainers)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand info" -s f -l format -d 'Output format: json, or a Go template such as \'{{.Host.Kernel}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand info" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand info" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand info" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand info" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand info" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand version" -s f -l format -d 'Output format: json, or a Go template such as \'{{.Client.Version}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand version" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand version" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand version" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand version" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand version" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version completion generate-docs help" -f -a "info" -d 'Show what this host allows, the id mappings, helpers and storage paths'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version completion generate-docs help" -f -a "unshare" -d 'Run a command inside skiff\'s user namespace (default: your shell)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version completion generate-docs help" -f -a "version" -d 'Show version information'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version completion generate-docs help" -f -a "completion" -d 'Print a shell completion script'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version completion generate-docs help" -f -a "generate-docs" -d 'Write completions/ and man/ from the command definitions (for maintainers)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version completion generate-docs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
