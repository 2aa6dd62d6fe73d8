import CLI
import Glibc

exit(CommandLine.run(arguments: Array(CommandLine.arguments.dropFirst())))
