package io.replywatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Latin-script language guess on posts written for this test (none is in the fixture files). */
class LatinLanguageTest {

  private static String guess(String text) {
    return LatinLanguage.guess(Analyzer.shipped().tokenize(text));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "@acme mi pedido todavía no ha llegado y nadie contesta|es",
      "@acme où est ma commande ? ça fait deux semaines|fr",
      "@acme ich warte seit drei Wochen auf meine Erstattung|de",
      "@acme meu pedido ainda não chegou, alguém pode me ajudar?|pt",
      "@acme il mio ordine non è ancora arrivato, potete aiutarmi?|it",
      "@acme mijn bestelling is nog steeds niet binnen, kunnen jullie helpen?|nl",
      "@acme pesanan saya belum sampai, tolong dicek ya kak|id",
      "@acme siparişim hala gelmedi, yardımcı olur musunuz?|tr",
      "@acme moje zamówienie jeszcze nie dotarło, czy możecie pomóc?|pl",
      // without accents, as many type them
      "@acme mi pedido todavia no ha llegado y nadie contesta|es",
      "@acme siparisim hala gelmedi, yardimci olur musunuz?|tr",
      // an elided article glued to its word still counts
      "@acme j'ai l'impression qu'on m'a oublié|fr"})
  void shouldNameTheLanguageOfAPostToABrand(String text, String language) {
    assertEquals(language, guess(text));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "@acme my parcel never arrived and nobody answers",
      "great service!!",
      "aaaa",
      "@acme",
      "''",
      // one foreign word is too little evidence: the model is English, so are most short posts
      "gracias!",
      "merci @acme",
      // English with foreign names and words in it
      "my phone will die in a week, the battery is shot",
      "@southjet flying from Los Angeles to Las Vegas tomorrow",
      "@airco Buenos Aires to La Paz, no meal service",
      "@coffeeco venti latte con leche de soja pls",
      "@acme the van came and went, SIM card still not here",
      "ordered on acme.com, tracking says delivered"})
  void shouldStayEnglishWithoutClearEvidenceOfAnotherLanguage(String text) {
    assertEquals("en", guess(text));
  }

  @Test
  void shouldCallATieBetweenTwoOtherLanguagesUnknown() {
    // Spanish and Portuguese share these words: not English, but which one the words cannot say
    assertEquals(Classification.UNKNOWN_LANGUAGE, guess("@acme nada de nada"));
    assertEquals("es", guess("@acme nada de nada, como siempre"));
    assertEquals("pt", guess("@acme nada de nada, como sempre"));
  }
}
