package io.replywatch.cli;

import io.replywatch.classify.Analyzer;
import io.replywatch.classify.ClassifierRules;
import io.replywatch.classify.model.LinearModel;
import io.replywatch.classify.model.TextClassifier;
import io.replywatch.usage.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The {@code --model FILE} option shared by classify and eval: a trained model, or the shipped one. */
final class ModelOption {
  private ModelOption() {}

  static TextClassifier classifier(Args args) {
    if (!args.has("--model")) {
      return TextClassifier.shipped(ClassifierRules.NONE);
    }
    Path file = Path.of(args.require("--model"));
    try (InputStream in = Files.newInputStream(file)) {
      return new TextClassifier(Analyzer.shipped(), LinearModel.read(in), ClassifierRules.NONE);
    } catch (NoSuchFileException e) {
      throw new UsageException(file + ": no such file");
    } catch (IOException e) {
      // An EOFException has no message: name the exception rather than print "(null)".
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new UsageException(file + ": not a model written by 'replywatch train' (" + why + ")");
    }
  }
}
