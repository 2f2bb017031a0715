package io.flotilla.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code flotilla} command. It does nothing itself: each subcommand ({@code menu}, {@code
 * status}, {@code faults}, {@code token}, {@code generate-tweets}) is one thing to do against a
 * running Flotilla.
 */
@Command(
    name = "flotilla",
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    description = "Flotilla from the terminal.",
    exitCodeOnInvalidInput = Flotilla.USAGE)
public final class Flotilla {

  /** Exit code of a command line picocli cannot parse; 64 as sysexits.h's EX_USAGE. */
  static final int USAGE = 64;

  /** Exit code of a bug in the command itself; 70 as sysexits.h's EX_SOFTWARE. */
  static final int SOFTWARE = 70;

  public static void main(String[] args) {
    // UTF-8 whatever the platform default, so that "Haga gatukök" survives a pipe or a C locale.
    var out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    var err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    int exitCode = commandLine(System::getenv, out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /**
   * The whole command, writing to the given writers and reading its settings from the given
   * environment, so that tests run it in-process with neither replaced globally.
   */
  static CommandLine commandLine(
      UnaryOperator<String> environment, PrintWriter out, PrintWriter err) {
    Clock clock = Clock.systemUTC();
    return new CommandLine(new Flotilla())
        .addSubcommand(new MenuCommand(environment))
        .addSubcommand(new StatusCommand(environment))
        .addSubcommand(new FaultsCommand(environment, clock))
        .addSubcommand(new TokenCommand(environment, clock))
        .addSubcommand(new GenerateTweetsCommand(environment, clock))
        // An argument such as "@home" is a restaurant name to look for, not a file to read.
        .setExpandAtFiles(false)
        .setExecutionExceptionHandler(Flotilla::noSecret)
        .setOut(out)
        .setErr(err);
  }

  /** A command that signs a service token without a secret to sign with: one line, no trace. */
  private static int noSecret(
      Exception failure, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
    if (failure instanceof ServiceCredential.NoSecret missing) {
      command.getErr().print("flotilla: " + missing.getMessage() + "\n");
      return ServiceCredential.NO_SECRET;
    }
    throw failure;
  }

  /** The project's version, written into flotilla-cli.properties by the build. */
  static final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
      var properties = new Properties();
      try (InputStream in = Flotilla.class.getResourceAsStream("/flotilla-cli.properties")) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"flotilla " + properties.getProperty("version")};
    }
  }
}
