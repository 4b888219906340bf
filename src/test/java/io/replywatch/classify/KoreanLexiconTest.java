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
      "그동안 좋았어요|1|1",
      "안 정성이 없어요|1|-1",
      "안정성|1|1",
      "잘못 좋아요|1|1",
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
    // a valence-0 entry only blocks shorter ones inside its word: it is no hit
    assertEquals(Sentiment.NONE, KoreanLexicon.shipped().score("사망"));
  }

  @Test
  void shouldShipAWrittenLexicon() {
    KoreanLexicon shipped = KoreanLexicon.shipped();
    assertTrue(shipped.score("최고의 영화 강추").compound() > 0.5);
    assertTrue(shipped.score("시간 아깝다 노잼").compound() < -0.5);
    assertTrue(shipped.score("상담원이 불친절하고 환불도 안 해줘요").compound() < 0);
  }

  @ParameterizedTest(name = "{0}: sign {1}")
  @CsvSource(delimiter = '|', value = {
      "이 영화 완전 핵노잼|-1",
      "진짜 갓띵작 꿀잼|1",
      "연기가 국어책 읽는 수준|-1",
      "재미가 하나도 없다|-1",
      "지루할 틈이 없었다|1",
      "돈이 안 아깝다|1",
      "가격 대비 추천합니다|1",
      "앱이 계속 튕겨요 로그인이 안 돼요|-1",
      "빠른 배송 감사합니다 잘 받았어요|1",
      "그동안 정말 감사했습니다|1",
      "앱 안정성이 좋아요|1",
      "두 시간 동안 지루했다|-1",
      "보는 동안 즐거웠다|1"})
  void shouldScoreSlangAndLongerFormsInTheShippedLexicon(String text, int sign) {
    Sentiment s = KoreanLexicon.shipped().score(text);
    assertEquals(sign, (int) Math.signum(s.compound()), s.toString());
  }

  @ParameterizedTest(name = "{0}: sign {1}")
  @CsvSource(delimiter = '|', value = {
      "결제는 됐는데 주문이 안 들어갔어요|-1",
      "앱이 자꾸 튕기고 무한로딩이에요|-1",
      "카톡 문의 남겼는데 읽씹 당했어요|-1",
      "연락 준다더니 소식이 없네요|-1",
      "환불은커녕 사과 한 마디 없어요|-1",
      "그럼 그렇지 또 오류네|-1",
      "이 제품 절대 사지 마세요|-1",
      "빠른 대응 감사합니다|1",
      "친절한 응대 덕분에 잘 해결됐어요|1",
      "재발송해주셔서 감사해요|1",
      "흠집 하나 없이 잘 왔어요|1",
      "이 가격에 가성비 갑|1",
      // round 3: longer forms that stop a short stem misfiring (정성 inside 진정성, 추천 before 안)
      "진정성 없는 사과문|-1",
      "이 제품 추천 안 합니다|-1",
      "끊김 없이 잘 봤어요|1"})
  void shouldScoreCustomerCareInTheShippedLexicon(String text, int sign) {
    Sentiment s = KoreanLexicon.shipped().score(text);
    assertEquals(sign, (int) Math.signum(s.compound()), s.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // spaces are removed before matching, so a short stem could straddle two words: 영화가+나쁘 holds 화가나,
      // 마지막+장면 holds 막장, 배우+수준 holds 우수, 이미+출고 holds 미출고, 그래도+난 holds 도난, 배터리도+용량
      // holds 도용, 사이즈가+품이 holds 가품이, 연결이+안정적 holds 연결이안; the shipped lexicon lists those stems
      // only in longer forms (or, for 연결이안정, lists the longer form itself)
      "영화가 나쁘지 않았다",
      "마지막 장면이 정말 좋았다",
      "너무 시간 가는 줄 몰랐다",
      "좋았어 설정이 탄탄해",
      "이미 출고됐는데 빨리 와서 좋았어요",
      "그래도 난 좋았다",
      "배터리도 용량도 좋아요",
      "사이즈가 품이 넉넉해요",
      "인터넷 연결이 안정적이에요",
      // 접속안 (access failing) must not take the 안 of 안내 (guidance)
      "접속 안내 문자 받고 잘 해결했어요"})
  void shouldNotMatchAShortStemAcrossAWordBoundary(String text) {
    assertTrue(KoreanLexicon.shipped().score(text).compound() > 0, text);
  }

  @Test
  void shouldLetTheLongestShippedEntryWin() {
    KoreanLexicon shipped = KoreanLexicon.shipped();
    // 가격 대비 추천 contains 비추천, but 대비추천 starts earlier and wins
    assertEquals(1, shipped.score("대비추천").hits());
    assertTrue(shipped.score("대비추천").compound() > 0);
    // 재미 alone is mildly positive; 재미없 and 재미가하나도없 are strongly negative
    assertTrue(shipped.score("재미").compound() > 0);
    assertTrue(shipped.score("재미없어").compound() < -0.5);
    // 흠집 alone is negative; 흠집하나없 (not a scratch on it) is one positive hit
    assertEquals(1, shipped.score("흠집 하나 없어요").hits());
    assertTrue(shipped.score("흠집 하나 없어요").compound() > 0);
  }
}
