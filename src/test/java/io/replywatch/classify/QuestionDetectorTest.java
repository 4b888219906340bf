package io.replywatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionDetectorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "is my order shipped?|true",
      "@acme when does the store open|true",
      "how do I reset my password|true",
      "I don't know why it is late|false",
      "my order is late|false",
      "when?|true",
      "how much|false",
      "환불은 언제 되나요|true",
      "교환 가능한가요|true",
      "배송이 늦어요|false",
      "왜 이렇게 늦어요|true",
      "@acme is hosting a meetup in Berlin next week|false",
      "@acme will open a store downtown|false",
      "can't believe my order is this late|false",
      "@acme is there a store in Berlin|true",
      "@acme can you help me with a refund|true",
      "do you ship to Canada|true",
      "has my package shipped yet|true",
      // English without a question mark; and praise of the brand, where the leading handle is the subject
      "Do kids under 5 travel free on the metro|true",
      "@acme does travel insurance cover skiing|true",
      "need the PUK code for my sim, where do I find it|true",
      "wondering if you sell gift cards|true",
      "I'd like to know how to link my account|true",
      "@acme season 3 when|true",
      "hi @acme is the Leeds store open on Sundays|true",
      "Hello there, do you deliver to the islands|true",
      "good morning @acme, will the sale run all week|true",
      "hi @acme you are the best|false",
      "off to Chicago next week. how much is roaming per day|true",
      "@acme please could you confirm the card works in Japan|true",
      "@acme are the best|false",
      "@acme is the best airline in Europe|false",
      "@acme has a new grocery section in the app|false",
      "Do not buy from them|false",
      "this is what is wrong with airlines|false",
      "the courier who does our street rides a cargo bike|false",
      // a plea asks for an answer as a question does
      "@acme my progress got reset after the update, help pls|true",
      "@acme I need your help with my licence. Thank you!|true",
      "@acme please enable the community tab on my channel. thanks|true",
      "@acme order 5521 never arrived, any update|true",
      "@acme dm me about the refund|true",
      "@acme i need to change my mobile number|true",
      "can someone from @acme call me back, my line is dead|true",
      "I hope someone at @acme reads this, my account is locked|true",
      "@acme needs a new logo|false",
      "thanks for your help yesterday, all sorted|false",
      "@acme helped me out, great service|false",
      "pleased with the new app|false",
      // An auxiliary before a personal pronoun, after a statement
      "dropped my card in town. @bank can I freeze it in the app while I look|true",
      "moving in august, should i tell you now or closer to the date|true",
      "I'm 21, am I old enough to hire a van from you|true",
      "off to Japan soon, do we need to tell you we are travelling|true",
      "the thing is that the app keeps crashing|false",
      "I did what I could and it worked|false",
      "this is it, the best hotel we have stayed in|false",
      // Korean: the question is not always the last word, and often has no question mark
      "구독 일시정지 되나요 다음 달만 쉬려고|true",
      "포장 가능한가요 ㅎㅎ|true",
      "주차 되나요 🚗|true",
      "이 요금제 한 달에 얼마예요|true",
      "회원 등급 기준이 궁금합니다|true",
      "환불 규정 문의드립니다|true",
      "영수증 재발급 방법 알려주세요|true",
      "재입고 언제쯤 돼요|true",
      "얼마 전에 가입했어요|false",
      "언제나 친절하셔서 좋아요|false",
      "오늘 택배 두 개 온다|false",
      "다음 주에 이사 가요|false"})
  void shouldDetectQuestions(String text, boolean question) {
    assertEquals(question, Analyzer.shipped().analyze(text).question());
  }
}
