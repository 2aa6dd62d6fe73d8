import CLI
import Glibc

exit(Tizilim.run(Array(CommandLine.arguments.dropFirst())))
