package io.replywatch.cli;

import io.replywatch.classify.Classifier;
import io.replywatch.classify.model.Classifiers;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.time.ServiceClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code run}: the service, on the wall clock, until stopped. */
public final class RunCommand implements Command {

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "the service: poll the configured accounts, track SLAs, send alerts, serve /metrics";
  }

  @Override
  public String usage() {
    return """
        usage: replywatch run [--config FILE]

        Starts the service with the given config (default: config/replywatch.yaml) and runs until stopped
        (Ctrl-C or SIGTERM). Serves /metrics, /health/live, /health/ready and the /api/v1 endpoints on
        server.host:server.port.
        Exits 2 if the config is unusable, naming the file and key path.

          --config FILE   the config file (default: config/replywatch.yaml)""";
  }

  @Override
  public int run(List<String> raw, Console io) throws Exception {
    Args args = Args.parse(raw, Set.of("--config"), Set.of());
    ReplywatchConfig config = ConfigLoader.fromSystemEnv().load(Path.of(args.get("--config", CheckConfigCommand.DEFAULT_CONFIG)));
    Logger activity = LoggerFactory.getLogger("replywatch.activity");
    Service service;
    try {
      Classifier classifier = Classifiers.withRules(config.classifierRules());
      service = Service.start(new Service.Options(config, ServiceClock.system(), classifier, null, activity::info,
          io.out()::println)).await();
    } catch (Exception e) {
      throw Lifecycle.explainStartFailure(e, config.server().host(), config.server().port(), "server.port");
    }
    return Lifecycle.runUntilStopped(service);
  }
}
