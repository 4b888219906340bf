package io.replywatch.classify.eval;

import static io.replywatch.classify.Category.COMPLAINT;
import static io.replywatch.classify.Category.NEUTRAL;
import static io.replywatch.classify.Category.PRAISE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.classify.Category;
import io.replywatch.classify.corpus.LabelledText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionTest {

  @Test
  void shouldComputeTheFiguresOfAKnownMatrix() {
    Confusion c = new Confusion();
    add(c, COMPLAINT, COMPLAINT, 8);
    add(c, COMPLAINT, PRAISE, 2);
    add(c, PRAISE, PRAISE, 3);
    add(c, PRAISE, COMPLAINT, 2);
    add(c, NEUTRAL, NEUTRAL, 5);
    assertEquals(20, c.total());
    assertEquals(16.0 / 20, c.accuracy(), 1e-12);
    assertEquals(0.8, c.precision(COMPLAINT), 1e-12);
    assertEquals(0.8, c.recall(COMPLAINT), 1e-12);
    assertEquals(0.6, c.f1(PRAISE), 1e-12);
    assertEquals((0.8 + 0.6 + 1.0) / 3, c.macroF1(), 1e-12);
    assertEquals(List.of(COMPLAINT, PRAISE, NEUTRAL), c.used());
  }

  @Test
  void shouldFoldQuestionIntoNeutral() {
    Confusion c = new Confusion();
    add(c, Category.QUESTION, NEUTRAL, 2);
    add(c, NEUTRAL, Category.QUESTION, 1);
    add(c, Category.QUESTION, COMPLAINT, 1);
    Confusion folded = c.questionAsNeutral();
    assertEquals(0, c.accuracy());
    assertEquals(0.75, folded.accuracy(), 1e-12);
    assertEquals(List.of(COMPLAINT, NEUTRAL), folded.used());
  }

  @Test
  void shouldGiveZeroRatherThanNaNWhenAClassIsNeverPredicted() {
    Confusion c = new Confusion();
    add(c, COMPLAINT, PRAISE, 1);
    assertEquals(0, c.precision(COMPLAINT));
    assertEquals(0, c.macroF1());
  }

  @Test
  void shouldDealStratifiedFolds() {
    List<LabelledText> data = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      data.add(new LabelledText("c" + i, COMPLAINT));
    }
    for (int i = 0; i < 10; i++) {
      data.add(new LabelledText("p" + i, PRAISE));
    }
    int[] fold = Folds.assign(data, 5, Folds.SEED);
    int[][] perFold = new int[5][2];
    for (int i = 0; i < data.size(); i++) {
      perFold[fold[i]][data.get(i).label() == COMPLAINT ? 0 : 1]++;
    }
    for (int[] f : perFold) {
      assertEquals(10, f[0]);
      assertEquals(2, f[1]);
    }
    int[] again = Folds.assign(data, 5, Folds.SEED);
    assertEquals(java.util.Arrays.toString(fold), java.util.Arrays.toString(again));
  }

  private static void add(Confusion c, Category gold, Category predicted, int n) {
    for (int i = 0; i < n; i++) {
      c.add(gold, predicted);
    }
  }
}
