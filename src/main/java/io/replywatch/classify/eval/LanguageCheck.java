package io.replywatch.classify.eval;

import io.replywatch.classify.Classifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which language the classifier reports for each text and, when the data says which language each text is in, how
 * often it reports that one. Language changes no category, but a wrong one misleads whoever reads the alert.
 *
 * @param reported how many texts got each language code, by code
 * @param given how many texts came with a language (0 when the data has no language column)
 * @param matched how many of those were reported in that language
 */
public record LanguageCheck(Map<String, Integer> reported, int given, int matched) {

  /** @param languages each text's language, in the same order, or an empty list when the data gives none */
  public static LanguageCheck of(Classifier classifier, List<String> texts, List<String> languages) {
    if (!languages.isEmpty() && languages.size() != texts.size()) {
      throw new IllegalArgumentException(languages.size() + " languages for " + texts.size() + " texts");
    }
    Map<String, Integer> reported = new TreeMap<>();
    int matched = 0;
    for (int i = 0; i < texts.size(); i++) {
      String language = classifier.classify(texts.get(i), "").language();
      reported.merge(language, 1, Integer::sum);
      matched += !languages.isEmpty() && language.equals(languages.get(i)) ? 1 : 0;
    }
    return new LanguageCheck(reported, languages.size(), matched);
  }

  /** Share of the texts with a given language that were reported in it; NaN when none had one. */
  public double accuracy() {
    return given == 0 ? Double.NaN : (double) matched / given;
  }
}
