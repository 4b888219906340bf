package io.replywatch.classify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Analyzer;
import io.replywatch.classify.Classification;
import io.replywatch.classify.ClassifierRules;
import io.replywatch.classify.corpus.Corpora;
import io.replywatch.classify.corpus.LabelledText;
import io.replywatch.classify.eval.LanguageCheck;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Latin-script language guess on whole fixture files: our English development sets stay English, our posts in
 * other Latin-script languages get theirs, and on every text it changes nothing but the language and the confidence
 * (the model sees the same features with or without it, so no category and no published figure moves).
 */
class LatinLanguageFixturesTest {
  private static final String DIR = "src/test/resources/classify/";
  private static final TextClassifier GUESSING = TextClassifier.shipped(ClassifierRules.NONE);
  private static final TextClassifier SCRIPT_ONLY =
      new TextClassifier(Analyzer.shipped(), GUESSING.model(), ClassifierRules.NONE, false);

  private static List<String> texts(String file) throws Exception {
    return Corpora.labelledCsv(Path.of(DIR + file)).stream().map(LabelledText::text).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"english-care-dev.csv", "english-tweets-dev.csv", "fixtures-dev.csv",
      "handwritten-dev.csv", "validation.csv"})
  void shouldKeepEnglishPostsEnglish(String file) throws Exception {
    int latin = 0;
    int english = 0;
    for (String t : texts(file)) {
      if ("en".equals(SCRIPT_ONLY.classify(t, "").language())) {
        latin++;
        english += "en".equals(GUESSING.classify(t, "").language()) ? 1 : 0;
      }
    }
    assertTrue(latin > 0);
    assertTrue(english >= 0.99 * latin, english + " of " + latin + " Latin-script texts stay en");
  }

  @ParameterizedTest
  @ValueSource(strings = {"latin-languages.csv"})
  void shouldNamePostsInOtherLatinScriptLanguages(String file) throws Exception {
    LanguageCheck c = LanguageCheck.of(GUESSING, texts(file), Corpora.languages(Path.of(DIR + file)));
    assertTrue(c.given() > 0);
    assertTrue(c.accuracy() >= 0.9, c.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"english-care-dev.csv", "english-tweets-dev.csv", "fixtures-dev.csv",
      "handwritten-dev.csv", "validation.csv", "latin-languages.csv", "latin-languages-test.csv"})
  void shouldChangeOnlyLanguageAndConfidence(String file) throws Exception {
    for (String t : texts(file)) {
      Classification before = SCRIPT_ONLY.classify(t, "");
      Classification after = GUESSING.classify(t, "");
      assertEquals(before.category(), after.category(), t);
      assertEquals(before.polarity(), after.polarity(), t);
      assertEquals(before.question(), after.question(), t);
      if (before.language().equals(after.language())) {
        assertEquals(before.confidence(), after.confidence(), t);
      } else {
        assertEquals("en", before.language(), t);
        assertEquals(before.confidence() * TextClassifier.UNKNOWN_LANGUAGE_FACTOR, after.confidence(), 1e-12, t);
      }
    }
  }
}
