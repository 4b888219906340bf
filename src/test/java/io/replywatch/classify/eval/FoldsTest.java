package io.replywatch.classify.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Category;
import io.replywatch.classify.corpus.LabelledText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldsTest {
  private static List<LabelledText> data(int complaints, int praise) {
    List<LabelledText> data = new ArrayList<>();
    for (int i = 0; i < complaints + praise; i++) {
      data.add(new LabelledText("text " + i, i < complaints ? Category.COMPLAINT : Category.PRAISE));
    }
    return data;
  }

  private static long count(List<LabelledText> data, Category c) {
    return data.stream().filter(t -> t.label() == c).count();
  }

  @Test
  void shouldKeepTheShareOfEachCategoryInInputOrder() {
    List<LabelledText> sub = Folds.subsample(data(80, 20), 0.25, 1);
    assertEquals(20, count(sub, Category.COMPLAINT));
    assertEquals(5, count(sub, Category.PRAISE));
    List<String> texts = sub.stream().map(LabelledText::text).toList();
    List<Integer> numbers = texts.stream().map(t -> Integer.parseInt(t.substring(5))).toList();
    assertEquals(numbers.stream().sorted().toList(), numbers);
  }

  @Test
  void shouldDrawTheSameSubsampleForTheSameSeedAndAnotherForAnother() {
    List<LabelledText> all = data(50, 50);
    assertEquals(Folds.subsample(all, 0.5, 7), Folds.subsample(all, 0.5, 7));
    assertTrue(!Folds.subsample(all, 0.5, 7).equals(Folds.subsample(all, 0.5, 8)));
  }

  @Test
  void shouldKeepAtLeastOneOfARareCategory() {
    assertEquals(1, count(Folds.subsample(data(40, 1), 0.25, 1), Category.PRAISE));
  }

  @Test
  void shouldRefuseAShareOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> Folds.subsample(data(4, 4), 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Folds.subsample(data(4, 4), 1.5, 1));
  }
}
