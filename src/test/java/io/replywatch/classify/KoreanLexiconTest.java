package io.replywatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoreanLexiconTest {
  private static KoreanLexicon lexicon;

  @BeforeAll
  static void load() throws Exception {
    try (Reader r = Files.newBufferedReader(Path.of("src/test/resources/classify/korean-lexicon-tiny.txt"),
        StandardCharsets.UTF_8)) {
      lexicon = KoreanLexicon.read(r);
    }
  }

  @ParameterizedTest(name = "{0}: {1} hit(s), sign {2}")
  @CsvSource(delimiter = '|', value = {
      "정말 재미있어요|1|1",
      "재미없어요|1|-1",
      "재미 없어요|1|-1",
      "직원이 불친절해요|1|-1",
      "직원이 친절해요|1|1",
      "안 좋아요|1|-1",
      "안좋아요|1|-1",
      "좋지 않아요|1|-1",
      "재미있진 않아요|1|-1",
      "좋았는데 최악이에요|2|-1",
      "배송 문의드립니다|0|0"})
  void shouldMatchTheLongestEntryAndNegate(String text, int hits, int sign) {
    Sentiment s = lexicon.score(text);
    assertEquals(hits, s.hits(), s.toString());
    assertEquals(sign, (int) Math.signum(s.compound()), s.toString());
  }

  @Test
  void shouldScoreLikeVader() {
    Sentiment s = lexicon.score("좋아요 좋아요 그냥");
    assertEquals(4 / Math.sqrt(16 + 15), s.compound(), 1e-9);
    assertEquals(4 / 5.0, s.positive(), 1e-9);
    assertEquals(1 / 5.0, s.neutral(), 1e-9);
  }

  @Test
  void shouldGiveNoneWithoutHits() {
    assertEquals(Sentiment.NONE, lexicon.score(""));
    assertEquals(Sentiment.NONE, lexicon.score("   "));
  }

  @Test
  void shouldShipAWrittenLexicon() {
    KoreanLexicon shipped = KoreanLexicon.shipped();
    assertTrue(shipped.score("최고의 영화 강추").compound() > 0.5);
    assertTrue(shipped.score("시간 아깝다 노잼").compound() < -0.5);
    assertTrue(shipped.score("상담원이 불친절하고 환불도 안 해줘요").compound() < 0);
  }
}
