package io.replywatch.classify.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Analyzer;
import io.replywatch.classify.Category;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorporaTest {
  private static final Path DIR = Path.of("src/test/resources/classify");

  @Test
  void shouldParseQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
    Csv csv = new Csv(new BufferedReader(new StringReader("a,b\n\"x, \"\"y\"\"\nz\",2\nlast,3\n")), "t.csv",
        ',');
    assertEquals(List.of("a", "b"), csv.next().fields());
    Csv.Row row = csv.next();
    assertEquals(List.of("x, \"y\"\nz", "2"), row.fields());
    assertEquals(2, row.line());
    assertEquals(4, csv.next().line());
  }

  @Test
  void shouldMapAirlineLabelsAndDropDuplicates() throws Exception {
    List<LabelledText> data = Corpora.airline(DIR.resolve("tiny-airline.csv"),
        t -> Analyzer.shipped().analyze(t).question());
    assertEquals(List.of(Category.COMPLAINT, Category.PRAISE, Category.QUESTION, Category.NEUTRAL,
        Category.COMPLAINT, Category.COMPLAINT), data.stream().map(LabelledText::label).toList());
    assertTrue(data.get(4).text().contains("\"delayed\" again,\nthree hours"));
  }

  @Test
  void shouldReadOnlyTheOpeningCustomerTweetsOfCareDialogs() throws Exception {
    assertEquals(List.of("@AcmeCare my order never arrived, it's been two weeks", "@AcmeCare how do I change my password?"),
        Corpora.supportOpenings(DIR.resolve("tiny-cdp.csv")));
  }

  @Test
  void shouldRefuseACareFileWithoutOpenings() {
    var e = assertThrows(BadInputException.class, () -> Corpora.supportOpenings(DIR.resolve("tiny-airline.csv")));
    assertTrue(e.getMessage().contains("no 'role' column"), e.getMessage());
  }

  @Test
  void shouldMapNsmcLabels() throws Exception {
    List<LabelledText> data = Corpora.nsmc(DIR.resolve("tiny-nsmc.tsv"));
    assertEquals(List.of(Category.PRAISE, Category.COMPLAINT), data.stream().map(LabelledText::label).toList());
  }

  @Test
  void shouldNameTheFileAndLineOfABadLabel() {
    var e = assertThrows(BadInputException.class, () -> Corpora.labelledCsv(DIR.resolve("bad-label.csv")));
    assertTrue(e.getMessage().contains("bad-label.csv:3: label 'angry'"), e.getMessage());
  }

  @Test
  void shouldNameAMissingColumn() {
    var e = assertThrows(BadInputException.class, () -> Corpora.nsmc(DIR.resolve("bad-label.csv")));
    assertTrue(e.getMessage().contains("bad-label.csv:1: header has no 'document' column"), e.getMessage());
  }

  @Test
  void shouldReadTheOptionalLanguageColumnRowForRow(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("posts.csv");
    java.nio.file.Files.writeString(file, "text,label,Language\n\"hola, gracias\",praise,ES\n\nthanks,praise,en\n");
    assertEquals(List.of("es", "en"), Corpora.languages(file));
    assertEquals(2, Corpora.labelledCsv(file).size());
    assertEquals(List.of(), Corpora.languages(DIR.resolve("validation.csv")));
  }

  @Test
  void shouldShipFixturesWithEveryCategory() throws Exception {
    List<Category> labels = Corpora.fixtures().stream().map(LabelledText::label).distinct().toList();
    assertEquals(4, labels.size());
  }
}
