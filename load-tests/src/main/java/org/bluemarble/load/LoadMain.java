package org.bluemarble.load;

import picocli.CommandLine;

/** Entry point of {@code bluemarble-load.jar}; see {@link LoadCommand}. */
public final class LoadMain {

  private LoadMain() {}

  /** Runs the command and exits with its code (2 for bad options). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadCommand()).execute(args));
  }
}
