package io.replywatch.classify.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.classify.Category;
import io.replywatch.classify.ClassifierRules;
import io.replywatch.classify.corpus.Corpora;
import io.replywatch.classify.corpus.LabelledText;
import io.replywatch.classify.model.TextClassifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffsetSweepTest {

  @Test
  void shouldCountWhatEachOffsetWouldCallAComplaint() {
    double[] margin = {2, 1, 0.4, -0.1, -0.6, -3};
    boolean[] complaint = {true, true, false, true, false, false};
    OffsetSweep s = OffsetSweep.of(margin, complaint, 0.85);
    OffsetSweep.Point none = point(s, 0);
    assertEquals(2.0 / 3, none.precision(), 1e-9, "2, 1 and 0.4 are called complaints; 0.4 is not one");
    assertEquals(2.0 / 3, none.recall(), 1e-9);
    OffsetSweep.Point more = point(s, 0.25);
    assertEquals(3.0 / 4, more.precision(), 1e-9, "-0.1 joins at +0.25");
    assertEquals(1.0, more.recall(), 1e-9);
    OffsetSweep.Point less = point(s, -1);
    assertEquals(1.0, less.precision(), 1e-9, "only 2 and 1 stay at -1");
    assertEquals(2.0 / 3, less.recall(), 1e-9);
  }

  @Test
  void shouldReportTheBestRecallThatKeepsThePrecision() {
    double[] margin = {2, 1, 0.4, -0.1, -0.6, -3};
    boolean[] complaint = {true, true, false, true, false, false};
    OffsetSweep s = OffsetSweep.of(margin, complaint, 0.85);
    assertEquals(2.0 / 3, s.recallAtPrecision(), 1e-9, "taking 0.4 drops precision to 2/3, taking -0.1 gives 3/4");
    assertEquals(-1.0, s.offsetAtPrecision(), 1e-9);
    assertEquals(1.0, OffsetSweep.of(margin, complaint, 0.75).recallAtPrecision(), 1e-9);
  }

  @Test
  void shouldTakeTiedMarginsTogether() {
    OffsetSweep s = OffsetSweep.of(new double[] {1, 1}, new boolean[] {true, false}, 0.85);
    assertEquals(0, s.recallAtPrecision(), "the complaint cannot be had without the tie that is not one");
  }

  @Test
  void shouldAgreeWithTheClassifierAtTheModelsOwnOffset() throws Exception {
    TextClassifier c = TextClassifier.shipped(ClassifierRules.NONE);
    List<LabelledText> data = Corpora.labelledCsv(Path.of("src/test/resources/classify/validation.csv"));
    for (LabelledText t : data) {
      boolean called = c.classify(t.text(), "").category() == Category.COMPLAINT;
      assertEquals(called, c.complaintMargin(t.text()) >= 0, t.text());
    }
    assertEquals(Double.NEGATIVE_INFINITY, c.complaintMargin(""));
  }

  private static OffsetSweep.Point point(OffsetSweep s, double offset) {
    return s.points().stream().filter(p -> p.offset() == offset).findFirst().orElseThrow();
  }
}
