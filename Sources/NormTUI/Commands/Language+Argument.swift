import ArgumentParser
import NormLessons

/// `--lang en|de`: the command line reads a ``Language`` by its raw value.
extension Language: ExpressibleByArgument {}
