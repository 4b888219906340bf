package io.replywatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.Main;
import io.replywatch.classify.Category;
import io.replywatch.classify.Classification;
import io.vertx.core.json.JsonObject;
import io.replywatch.classify.corpus.Corpora;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierCommandsTest {
  private static final String DIR = "src/test/resources/classify/";

  private record Run(int code, String out, String err) {}

  private static Run run(String stdin, String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console io = new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    int code = Main.execute(argv, io);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldClassifyOneResultPerLineInOrder() {
    Run r = run("thank you, wonderful service!\n\nwhen do you open?\n", "classify");
    String[] lines = r.out().split("\n");
    assertEquals(0, r.code());
    assertEquals(3, lines.length);
    assertTrue(lines[0].matches("praise\t0\\.\\d{3}\t[01]\\.\\d{3}\ten\tfalse"), lines[0]);
    assertEquals("neutral\t0.000\t0.000\tund\tfalse", lines[1]);
    assertTrue(lines[2].startsWith("question\t") && lines[2].endsWith("\ten\ttrue"), lines[2]);
  }

  @Test
  void shouldSplitLinesOnNewlineOnlyKeepingABareCarriageReturnAsText() {
    Run r = run("one\rstill one\r\ntwo\r\n\r\nfour without a newline", "classify");
    assertEquals(0, r.code(), r.err());
    assertEquals(4, r.out().lines().count(), r.out());
    assertTrue(r.out().lines().toList().get(2).startsWith("neutral\t0.000\t0.000\tund"), r.out());
  }

  @Test
  void shouldStopReadingWhenStdoutIsClosed() {
    byte[] input = "hi\n".repeat(200_000).getBytes(StandardCharsets.UTF_8);
    ByteArrayInputStream stdin = new ByteArrayInputStream(input);
    OutputStream closed = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console io = new Console(stdin, new PrintStream(closed, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, Main.execute(new String[] {"classify"}, io));
    assertTrue(stdin.available() > input.length / 2, "read on after stdout was closed: " + stdin.available() + " left");
    assertEquals("replywatch classify: stdout was closed or failed after 0 results; stopped",
        err.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void shouldPrintJsonObjects() {
    Run r = run("배송이 너무 늦어요 최악\n", "classify", "--json");
    assertTrue(r.out().matches("\\{\"category\":\"complaint\",\"polarity\":-?[01]\\.\\d{3},"
        + "\"confidence\":[01]\\.\\d{3},\"language\":\"ko\",\"question\":false}\\n"), r.out());
  }

  @ParameterizedTest
  @CsvSource({"classify", "eval", "train"})
  void shouldDescribeEveryCommand(String command) {
    Run r = run("", command, "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("usage: replywatch " + command), r.out());
  }

  @Test
  void shouldNeverPrintNanAsJson() {
    Classification broken = new Classification(Category.NEUTRAL, Double.NaN, Double.POSITIVE_INFINITY, "en", false);
    assertEquals("{\"category\":\"neutral\",\"polarity\":0.000,\"confidence\":0.000,\"language\":\"en\","
        + "\"question\":false}", ClassifyCommand.json(broken));
  }

  @Test
  void shouldEvaluateTheShippedModelOnAnAirlineFile() {
    Run r = run("", "eval", "--input", DIR + "tiny-airline.csv", "--format", "airline", "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches("\\{\"mode\":\"shipped default model\",\"texts\":6,\"accuracy\":[01]\\.\\d{4},"
        + "\"macro_f1\":.*\"macro_f1_question_as_neutral\":.*\"complaint_precision\":.*\"complaint_recall\":.*\"mentions_per_second\":\\d+,"
        + "\"confusion\":\\{\"complaint\":\\{\"complaint\":\\d+.*}}\\n"), r.out());
  }

  @Test
  void shouldStoreTheComplaintOffsetInTheModel(@TempDir Path tmp) throws Exception {
    Path plain = tmp.resolve("plain.bin");
    Path biased = tmp.resolve("biased.bin");
    assertEquals(0, run("", "train", "--input", DIR + "tiny-train.csv", "--no-fixtures", "--complaint-offset", "0",
        "--out", plain.toString()).code());
    assertEquals(0, run("", "train", "--input", DIR + "tiny-train.csv", "--no-fixtures", "--out", biased.toString()).code());
    try (var a = Files.newInputStream(plain); var b = Files.newInputStream(biased)) {
      assertEquals(0.0, io.replywatch.classify.model.LinearModel.read(a).offset(io.replywatch.classify.Category.COMPLAINT));
      assertEquals(TrainCommand.DEFAULT_COMPLAINT_OFFSET,
          io.replywatch.classify.model.LinearModel.read(b).offset(io.replywatch.classify.Category.COMPLAINT));
    }
    Run bad = run("", "train", "--input", DIR + "tiny-train.csv", "--complaint-offset", "lots", "--out", plain.toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--complaint-offset must be a number between -5 and 5, got 'lots'"), bad.err());
  }

  @Test
  void shouldPrintValidJsonWhateverTheModelIsCalled(@TempDir Path tmp) {
    Path model = tmp.resolve("we\tird \"model\" \\.bin");
    Run train = run("", "train", "--input", DIR + "tiny-train.csv", "--no-fixtures", "--out", model.toString());
    assertEquals(0, train.code(), train.err());
    Run eval = run("", "eval", "--input", DIR + "tiny-airline.csv", "--format", "airline", "--json", "--model",
        model.toString());
    assertEquals(0, eval.code(), eval.err());
    assertEquals("model " + model, new JsonObject(eval.out()).getString("mode"));
    Run cdp = run("", "eval", "--input", DIR + "tiny-cdp.csv", "--format", "cdp", "--json", "--model",
        model.toString());
    assertEquals(0, cdp.code(), cdp.err());
    assertEquals("model " + model, new JsonObject(cdp.out()).getString("mode"));
  }

  @Test
  void shouldCountSupportRequestsThatGetAClock() {
    Run r = run("", "eval", "--input", DIR + "tiny-cdp.csv", "--format", "cdp", "--json");
    assertEquals(0, r.code(), r.err());
    assertEquals("{\"mode\":\"shipped default model\",\"texts\":2,\"support_request_recall\":1.0000,", r.out().substring(0,
        r.out().indexOf("\"mentions_per_second\"")));
    assertTrue(r.out().endsWith("\"predicted\":{\"complaint\":1,\"question\":1,\"praise\":0,\"neutral\":0}}\n"), r.out());
  }

  @Test
  void shouldSweepTheComplaintOffset() {
    Run r = run("", "eval", "--input", DIR + "validation.csv", "--format", "csv", "--sweep");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("   offset  precision     recall\n    -1.00 "), r.out());
    assertTrue(r.out().matches("(?s).*\n    \\+1\\.00 +[01]\\.\\d{4} +[01]\\.\\d{4}\ncomplaint_recall_at_precision_0\\.85: "
        + "[01]\\.\\d{4} \\(offset [+-]\\d\\.\\d\\d\\)\n"), r.out());
    Run cv = run("", "eval", "--input", DIR + "validation.csv", "--format", "csv", "--sweep", "--cv", "2");
    assertEquals(2, cv.code());
    assertTrue(cv.err().contains("--sweep measures one model"), cv.err());
  }

  @Test
  void shouldReportTheLanguagesOfACsvAndHowOftenTheyMatchItsLanguageColumn(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("posts.csv");
    Files.writeString(file, """
        text,label,language
        @acme my parcel never arrived and nobody answers,complaint,en
        @acme mi pedido todavía no ha llegado y nadie contesta,complaint,es
        "@acme où est ma commande ? ça fait deux semaines",complaint,fr
        @acme ich warte seit drei Wochen auf meine Erstattung,complaint,fr
        """);
    Run r = run("", "eval", "--input", file.toString(), "--format", "csv");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\nlanguages:           de 1 en 1 es 1 fr 1\n"
        + "language_accuracy:   0.7500 (3 of 4 texts reported in the language given)\nconfusion"), r.out());
    Run json = run("", "eval", "--input", file.toString(), "--format", "csv", "--json");
    assertTrue(json.out().endsWith(",\"languages\":{\"de\":1,\"en\":1,\"es\":1,\"fr\":1},\"language_accuracy\":0.7500}\n"),
        json.out());
    Run plain = run("", "eval", "--input", DIR + "validation.csv", "--format", "csv");
    assertTrue(plain.out().contains("\nlanguages:           en 67\nconfusion"), plain.out());
    Run airline = run("", "eval", "--input", DIR + "tiny-airline.csv", "--format", "airline");
    assertFalse(airline.out().contains("languages:"), airline.out());
  }

  @Test
  void shouldRefuseCrossValidationWithoutLabels() {
    Run r = run("", "eval", "--input", DIR + "tiny-cdp.csv", "--format", "cdp", "--cv", "5");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--cv needs labels"), r.err());
  }

  @Test
  void shouldCrossValidateOnAUsersData(@TempDir Path tmp) throws Exception {
    Path nsmcLike = tmp.resolve("reviews.tsv");
    StringBuilder sb = new StringBuilder("id\tdocument\tlabel\n");
    for (int i = 0; i < 40; i++) {
      sb.append(i).append(i % 2 == 0 ? "\t정말 재미있고 최고 감동\t1\n" : "\t너무 지루하고 최악 별로\t0\n");
    }
    Files.writeString(tmp.resolve("reviews.tsv"), sb.toString());
    Run r = run("", "eval", "--input", nsmcLike.toString(), "--format", "nsmc", "--cv", "5");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("accuracy:            1.0000"), r.out());
    assertTrue(r.err().contains("fold 5/5"), r.err());

    Run curve = run("", "eval", "--input", nsmcLike.toString(), "--format", "nsmc", "--cv", "5", "--curve", "--json");
    assertEquals(0, curve.code(), curve.err());
    assertTrue(curve.out().contains(",\"learning_curve\":[{\"share\":0.25,\"train_texts\":8,\"accuracy\":"), curve.out());
    assertTrue(curve.out().contains("{\"share\":1.00,\"train_texts\":32,\"accuracy\":1.0000,\"macro_f1\":1.0000}]}"),
        curve.out());
    assertTrue(curve.err().contains("learning curve: training folds cut to 75%"), curve.err());

    Run runs = run("", "eval", "--input", nsmcLike.toString(), "--format", "nsmc", "--cv", "5", "--runs", "2",
        "--seed", "7");
    assertEquals(0, runs.code(), runs.err());
    assertTrue(runs.out().contains("model:               5-fold cross-validation (seed 42, balance 0, 2 runs averaged,"
        + " shuffle seed 7)"), runs.out());
  }

  @Test
  void shouldTrainTheSameModelForTheSameSeedAndAnotherForAnother(@TempDir Path tmp) throws Exception {
    byte[][] models = new byte[3][];
    String[] seeds = {"5", "5", "6"};
    for (int i = 0; i < 3; i++) {
      Path m = tmp.resolve("m" + i + ".bin");
      Run t = run("", "train", "--input", DIR + "tiny-train.csv", "--no-fixtures", "--seed", seeds[i], "--out",
          m.toString());
      assertEquals(0, t.code(), t.err());
      models[i] = Files.readAllBytes(m);
    }
    assertTrue(java.util.Arrays.equals(models[0], models[1]));
    assertFalse(java.util.Arrays.equals(models[0], models[2]));
  }

  @Test
  void shouldTrainAModelThatClassifyCanUse(@TempDir Path tmp) {
    Path model = tmp.resolve("m.bin");
    Run t = run("", "train", "--input", DIR + "tiny-train.csv", "--no-fixtures", "--out", model.toString());
    assertEquals(0, t.code(), t.err());
    assertTrue(t.out().contains(" bytes, classes [complaint, praise, neutral], "), t.out());
    Run c = run("worst broken refund\n", "classify", "--model", model.toString());
    assertTrue(c.out().startsWith("complaint\t"), c.out());
  }

  @ParameterizedTest
  @CsvSource({"airline", "nsmc", "cdp", "csv"})
  void shouldExitTwoForADirectoryAsEvalInput(String format, @TempDir Path tmp) {
    Run r = run("", "eval", "--input", tmp.toString(), "--format", format);
    assertEquals(2, r.code(), r.err());
    assertEquals("replywatch eval: " + tmp + ": is a directory", r.err().strip());
  }

  @Test
  void shouldNameAVaderFileThatIsADirectory(@TempDir Path tmp) throws Exception {
    for (String name : Corpora.VADER_FILES) {
      Files.writeString(tmp.resolve(name), "1\t2.5\tgreat\n");
    }
    Path odd = tmp.resolve(Corpora.VADER_FILES.get(1));
    Files.delete(odd);
    Files.createDirectory(odd);
    Run r = run("", "eval", "--input", tmp.toString(), "--format", "vader");
    assertEquals(2, r.code(), r.err());
    assertEquals("replywatch eval: " + odd + ": is a directory", r.err().strip());
  }

  @Test
  void shouldExitTwoForADirectoryAsTrainingData(@TempDir Path tmp) {
    for (String option : new String[] {"--input", "--nsmc"}) {
      Run r = run("", "train", option, tmp.toString(), "--no-fixtures", "--out", tmp.resolve("m.bin").toString());
      assertEquals(2, r.code(), r.err());
      assertEquals("replywatch train: " + tmp + ": is a directory", r.err().strip());
    }
  }

  @Test
  void shouldCheckWhereTheModelGoesBeforeTraining(@TempDir Path tmp) {
    Run dir = run("", "train", "--input", DIR + "tiny-train.csv", "--no-fixtures", "--out", tmp.toString());
    assertEquals(2, dir.code(), dir.err());
    // One line and no training progress before it: the check comes first, not after an hour of training.
    assertEquals("replywatch train: " + tmp + ": is a directory", dir.err().strip());
    Path nowhere = tmp.resolve("no/such/m.bin");
    Run missing = run("", "train", "--input", DIR + "tiny-train.csv", "--no-fixtures", "--out", nowhere.toString());
    assertEquals(2, missing.code(), missing.err());
    assertEquals("replywatch train: " + nowhere + ": directory " + nowhere.getParent() + " does not exist",
        missing.err().strip());
  }

  @Test
  void shouldReplaceAModelLeavingNoTemporaryFile(@TempDir Path tmp) throws Exception {
    Path model = Files.writeString(tmp.resolve("m.bin"), "an older model");
    Run t = run("", "train", "--input", DIR + "tiny-train.csv", "--no-fixtures", "--out", model.toString());
    assertEquals(0, t.code(), t.err());
    try (var files = Files.list(tmp); var in = Files.newInputStream(model)) {
      assertEquals(java.util.List.of(model), files.toList());
      assertTrue(io.replywatch.classify.model.LinearModel.read(in).classes().size() > 1);
    }
  }

  @ParameterizedTest
  @CsvSource({"airline, tiny-airline.csv", "cdp, tiny-cdp.csv", "csv, tiny-train.csv"})
  void shouldNameTheLineOfAQuoteNeverClosed(String format, String fixture, @TempDir Path tmp) throws Exception {
    Path file = tmp.resolve(fixture);
    Files.writeString(file, Files.readString(Path.of(DIR + fixture)) + "3,negative,1.0,\"@AcmeAir never closed\n");
    int line = (int) Files.readString(file).lines().count();
    Run r = run("", "eval", "--input", file.toString(), "--format", format);
    assertEquals(2, r.code(), r.err());
    assertEquals("replywatch eval: " + file + ":" + line + ": quoted field is never closed", r.err().strip());
  }

  @Test
  void shouldNameTheLineOfAVaderFileThatIsNotUtf8(@TempDir Path tmp) throws Exception {
    for (String name : Corpora.VADER_FILES) {
      Files.writeString(tmp.resolve(name), "1\t2.5\tgreat\n");
    }
    Path bad = tmp.resolve(Corpora.VADER_FILES.get(2));
    Files.write(bad, new byte[] {'1', '\t', '2', '\t', 'o', 'k', '\n', '2', '\t', '1', '\t', (byte) 0xC3, '(', '\n'});
    Run r = run("", "eval", "--input", tmp.toString(), "--format", "vader");
    assertEquals(2, r.code(), r.err());
    assertEquals("replywatch eval: " + bad + ":2: not UTF-8 text", r.err().strip());
  }

  private static Path labelled(Path dir, String... labels) throws Exception {
    StringBuilder sb = new StringBuilder("text,label\n");
    for (int i = 0; i < labels.length; i++) {
      sb.append("text number ").append(i).append(',').append(labels[i]).append('\n');
    }
    return Files.writeString(dir.resolve("labels.csv"), sb.toString());
  }

  @Test
  void shouldRefuseToTrainOnASingleLabel(@TempDir Path tmp) throws Exception {
    Path file = labelled(tmp, "complaint", "complaint", "complaint", "complaint");
    String expected = file + ": all 4 rows are labelled complaint; training needs at least two labels";
    Run train = run("", "train", "--input", file.toString(), "--no-fixtures", "--out", tmp.resolve("m.bin").toString());
    assertEquals(2, train.code(), train.err());
    assertTrue(train.err().endsWith("input: 4 texts\nreplywatch train: " + expected + "\n"), train.err());
    Run cv = run("", "eval", "--input", file.toString(), "--format", "csv", "--cv", "2");
    assertEquals(2, cv.code(), cv.err());
    assertEquals("replywatch eval: " + expected, cv.err().strip());
  }

  @Test
  void shouldSayHowManyRowsCrossValidationNeeds(@TempDir Path tmp) throws Exception {
    Path file = labelled(tmp, "complaint", "praise", "complaint", "complaint", "complaint");
    Run one = run("", "eval", "--input", file.toString(), "--format", "csv", "--cv", "2");
    assertEquals(2, one.code(), one.err());
    assertEquals("replywatch eval: " + file + ": 2-fold cross-validation needs at least 2 rows of each of two labels,"
        + " so that every training fold has two; found complaint 4, praise 1", one.err().strip());
    labelled(tmp, "complaint", "praise", "complaint", "praise");
    Run few = run("", "eval", "--input", file.toString(), "--format", "csv", "--cv", "5");
    assertEquals(2, few.code(), few.err());
    assertEquals("replywatch eval: " + file + ": 5-fold cross-validation needs at least 5 rows; found 4",
        few.err().strip());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "train --input src/test/resources/classify/bad-label.csv --out /tmp/x.bin|bad-label.csv:3: label 'angry'",
      "eval --input nowhere.csv --format airline|nowhere.csv: no such file",
      "eval --input src/test/resources/classify/tiny-nsmc.tsv --format airline|tiny-nsmc.tsv:1: header has no",
      "eval --input x --format yelp|--format must be",
      "eval --input x --format nsmc --cv 1|--cv must be between 2 and 20",
      "classify --model src/test/resources/classify/tiny-nsmc.tsv|tiny-nsmc.tsv: not a model",
      "train --out /tmp/x.bin|nothing to train on",
      "eval --input x --format nsmc --balance 0.5|--balance only applies",
      "eval --input x --format nsmc --runs 3|--runs only applies",
      "eval --input src/test/resources/classify/tiny-cdp.csv --format cdp --sweep|--sweep needs labels",
      "eval --input x --format nsmc --seed 3|--seed only applies",
      "train --input src/test/resources/classify/tiny-train.csv --runs 0 --out /tmp/x.bin|--runs must be between 1 and 20",
      "train --input src/test/resources/classify/tiny-train.csv --seed 1.5 --out /tmp/x.bin"
          + "|--seed must be a whole number, got '1.5'",
      "eval --input x --format nsmc --curve|--curve repeats the cross-validation",
      "train --input src/test/resources/classify/tiny-train.csv --balance 2 --out /tmp/x.bin|--balance must be between",
      "classify --bogus|unknown option '--bogus'",
      "train --input src/test/resources/classify/tiny-train.csv --no-fixtures --fixture-weight 3 --out /tmp/x.bin"
          + "|--fixture-weight weighs the fixtures, which --no-fixtures leaves out",
      "train --vader pom.xml --out /tmp/x.bin|pom.xml: not a directory (expected the directory holding",
      "eval --format vader --input no/such/dir|no/such/dir: no such directory (expected the directory",
      "train --input src/test/resources/classify/tiny-train.csv --out pom.xml/m.bin|pom.xml is a file, not a directory",
      "train --input src/test/resources/classify/tiny-train.csv --balance NaN --out /tmp/x.bin"
          + "|--balance must be a number between 0 and 1, got 'NaN'",
      "train --input src/test/resources/classify/tiny-train.csv --complaint-offset -Infinity --out /tmp/x.bin"
          + "|--complaint-offset must be a number between -5 and 5, got '-Infinity'",
      "eval --input x --format nsmc --cv 2 --balance 0x1p0|--balance must be a number between 0 and 1, got '0x1p0'",
      "train --input src/test/resources/classify/tiny-train.csv --balance 1e400 --out /tmp/x.bin"
          + "|--balance must be a number between 0 and 1, got '1e400'"})
  void shouldExitTwoWithOneClearMessage(String commandLine, String message) {
    Run r = run("", commandLine.split(" "));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertEquals(1, r.err().strip().split("\n").length, r.err());
  }

  @Test
  void shouldNameWhatIsWrongWithAGzipThatIsNotAModel(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("short.bin");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write('x');
    }
    Run r = run("hi\n", "classify", "--model", file.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("short.bin: not a model written by 'replywatch train' (EOFException)"), r.err());
  }
}
