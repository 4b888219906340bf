package io.replywatch.classify.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Analyzer;
import io.replywatch.classify.Category;
import io.replywatch.classify.ClassifierRules;
import io.replywatch.classify.corpus.Corpora;
import io.replywatch.classify.corpus.LabelledText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingTest {
  private static final Trainer SMALL = new Trainer(12, 5, 0.1, 1e-6, 0, 1, 1);

  private static List<LabelledText> tiny() throws Exception {
    return Corpora.labelledCsv(Path.of("src/test/resources/classify/tiny-train.csv"));
  }

  private static LinearModel train() throws Exception {
    return Training.train(Analyzer.shipped(), tiny(), SMALL, s -> { });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {"worst broken refund|complaint", "love the team, great|praise",
      "email on monday|neutral"})
  void shouldLearnFromAUsersCsv(String text, String category) throws Exception {
    TextClassifier c = new TextClassifier(Analyzer.shipped(), train(), ClassifierRules.NONE);
    assertEquals(category, c.classify(text, "").category().id());
  }

  @Test
  void shouldGiveTheSameWeightsForTheSameSeed() throws Exception {
    assertArrayEquals(train().weights(), train().weights());
  }

  @Test
  void shouldAverageTheWeightsOfRunsShuffledWithTheirOwnSeeds() throws Exception {
    Trainer two = SMALL.withRuns(2);
    List<Trainer.Example> examples = examples(tiny());
    float[] first = SMALL.fit(examples, s -> { }).weights();
    float[] second = SMALL.withSeed(SMALL.seed() + Trainer.RUN_SEED_STEP).fit(examples, s -> { }).weights();
    float[] mean = two.fit(examples, s -> { }).weights();
    boolean differ = false;
    for (int i = 0; i < mean.length; i++) {
      assertEquals((first[i] + second[i]) / 2, mean[i], 1e-6);
      differ |= first[i] != second[i];
    }
    assertTrue(differ, "the second run must shuffle differently from the first");
  }

  @Test
  void shouldReportEachRunsProgress() throws Exception {
    List<String> lines = new java.util.ArrayList<>();
    SMALL.withRuns(2).fit(examples(tiny()), lines::add);
    assertEquals(10, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("run 1/2, epoch 1/5: mean loss "), lines.get(0));
    assertTrue(lines.get(9).startsWith("run 2/2, epoch 5/5: mean loss "), lines.get(9));
  }

  @Test
  void shouldRefuseFewerThanOneRun() {
    assertThrows(IllegalArgumentException.class, () -> SMALL.withRuns(0));
  }

  private static List<Trainer.Example> examples(List<LabelledText> data) {
    Features f = new Features(SMALL.bits());
    return data.stream().map(t -> new Trainer.Example(f.extract(Analyzer.shipped().analyze(t.text())), t.label()))
        .toList();
  }

  @Test
  void shouldSurviveAWriteAndReadWithinQuantisationError() throws Exception {
    LinearModel model = train();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    LinearModel back = LinearModel.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(model.classes(), back.classes());
    float max = 0;
    for (float w : model.weights()) {
      max = Math.max(max, Math.abs(w));
    }
    for (int i = 0; i < model.weights().length; i++) {
      assertEquals(model.weights()[i], back.weights()[i], max / 30000);
    }
  }

  @Test
  void shouldAddAClassOffsetThatSurvivesAWriteAndRead() throws Exception {
    LinearModel model = train();
    LinearModel biased = model.withOffset(Category.COMPLAINT, 0.5);
    SparseVector x = new SparseVector();
    x.add(7, 1f);
    double[] p = model.probabilities(x);
    double[] q = biased.probabilities(x);
    int c = model.classes().indexOf(Category.COMPLAINT);
    int other = (c + 1) % p.length;
    assertEquals(Math.log(p[c] / p[other]) + 0.5, Math.log(q[c] / q[other]), 1e-9);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    biased.write(out);
    LinearModel back = LinearModel.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(0.5, back.offset(Category.COMPLAINT));
    assertEquals(0.0, back.offset(Category.PRAISE));
    assertEquals(0.0, model.withOffset(Category.QUESTION, 3).offset(Category.QUESTION), "no such class here");
  }

  @Test
  void shouldReadAModelWrittenBeforeOffsetsExisted() throws Exception {
    // Version 1 layout: magic "RWC1", bits, classes, scale, weights; no offsets.
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (var d = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(raw))) {
      d.writeInt(0x52574331);
      d.writeByte(8);
      d.writeByte(2);
      d.writeUTF("complaint");
      d.writeUTF("praise");
      d.writeFloat(0.001f);
      for (int i = 0; i < 256 * 2; i++) {
        d.writeShort(i % 2 == 0 ? 1000 : -1000);
      }
    }
    LinearModel old = LinearModel.read(new ByteArrayInputStream(raw.toByteArray()));
    assertEquals(List.of(Category.COMPLAINT, Category.PRAISE), old.classes());
    assertEquals(0.0, old.offset(Category.COMPLAINT));
    SparseVector x = new SparseVector();
    x.add(3, 1f);
    assertTrue(old.probabilities(x)[0] > 0.85);
  }

  @Test
  void shouldTakeTheQuestionFlagAsInputOnlyWhenTrainedWithAQuestionClass() throws Exception {
    LinearModel plain = train();
    assertFalse(plain.questionInput());
    TextClassifier c = new TextClassifier(Analyzer.shipped(), plain, ClassifierRules.NONE);
    // The same words, asked and told: without the flag as input the model's odds cannot differ.
    assertEquals(c.complaintMargin("my refund is late"), c.complaintMargin("my refund is late?"), 1e-12);

    List<LabelledText> withQuestions = new java.util.ArrayList<>(tiny());
    for (int i = 0; i < 20; i++) {
      withQuestions.add(new LabelledText("is the store open on sunday " + i + "?", Category.QUESTION));
    }
    LinearModel asking = Training.train(Analyzer.shipped(), withQuestions, SMALL, s -> { });
    assertTrue(asking.questionInput());
    TextClassifier q = new TextClassifier(Analyzer.shipped(), asking, ClassifierRules.NONE);
    assertNotEquals(q.complaintMargin("my refund is late"), q.complaintMargin("my refund is late?"));

    for (LinearModel m : List.of(plain, asking)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      m.write(out);
      assertEquals(m.questionInput(), LinearModel.read(new ByteArrayInputStream(out.toByteArray())).questionInput());
    }
  }

  @Test
  void shouldReadAVersionTwoModelAsTakingTheQuestionFlag() throws Exception {
    // Version 2 layout: magic "RWC2", bits, classes each with its offset, weights, Korean-scale flag; nothing after.
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (var d = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(raw))) {
      d.writeInt(0x52574332);
      d.writeByte(8);
      d.writeByte(2);
      d.writeUTF("complaint");
      d.writeDouble(0.5);
      d.writeUTF("neutral");
      d.writeDouble(0);
      d.writeFloat(0.001f);
      for (int i = 0; i < 256 * 2; i++) {
        d.writeShort(i % 2 == 0 ? 1000 : -1000);
      }
      d.writeBoolean(false);
    }
    LinearModel old = LinearModel.read(new ByteArrayInputStream(raw.toByteArray()));
    assertEquals(0.5, old.offset(Category.COMPLAINT));
    assertTrue(old.questionInput(), "models written before the flag was stored always took the question flag");
  }

  @Test
  void shouldCarryTheKoreanScaleThroughAWriteAndRead() throws Exception {
    List<LabelledText> data = Corpora.nsmc(Path.of("src/test/resources/classify/tiny-nsmc.tsv"));
    LinearModel model = Training.train(Analyzer.shipped(), data, SMALL, s -> { });
    float[] scale = model.koreanScale();
    assertTrue(scale != null && scale.length == 1 << SMALL.bits());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    LinearModel back = LinearModel.read(new ByteArrayInputStream(out.toByteArray()));
    float max = 0;
    for (float s : scale) {
      max = Math.max(max, s);
    }
    for (int i = 0; i < scale.length; i++) {
      assertEquals(scale[i], back.koreanScale()[i], max / 30000);
    }
    TextClassifier c = new TextClassifier(Analyzer.shipped(), back, ClassifierRules.NONE);
    assertEquals(Category.PRAISE, c.classify("정말 재미있어요 최고", "").category());
  }

  @Test
  void shouldKeepModelsWithoutKoreanTextsWithoutAScale() throws Exception {
    LinearModel model = train();
    assertEquals(null, model.koreanScale());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    assertEquals(null, LinearModel.read(new ByteArrayInputStream(out.toByteArray())).koreanScale());
  }

  @Test
  void shouldRefuseFilesThatAreNotModels() {
    byte[] junk = "not a model".getBytes();
    assertThrows(java.io.IOException.class, () -> LinearModel.read(new ByteArrayInputStream(junk)));
  }

  @Test
  void shouldNeedTwoCategories() {
    var one = List.of(new Trainer.Example(new SparseVector(), Category.PRAISE));
    assertThrows(IllegalArgumentException.class, () -> SMALL.fit(one, s -> { }));
  }

  @Test
  void shouldShipAModelSmallEnoughForTheJar() {
    LinearModel shipped = TextClassifier.shipped(ClassifierRules.NONE).model();
    assertTrue(shipped.classes().contains(Category.COMPLAINT));
    assertTrue(Path.of("src/main/resources/classify/model.bin").toFile().length() < 3_000_000);
  }
}
