package io.replywatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "my order is late|en",
      "배송이 늦어요|ko",
      "Acme 배송이 늦어요|ko",
      "Acme support was late again 배송|en",
      "Привет как дела|und",
      "😀😀|und",
      "12345 !!!|und",
      "café crème|en",
      "@acme_support_team 주문이 안 왔어요|ko",
      "@acmeairlines 注文が届きません|und",
      "주문 취소 https://www.acme.example/orders/12345|ko",
      "@acme @acme_help|und",
      "hello@acme|en",
      "email me@example.com|en"})
  void shouldRouteByScript(String text, String language) {
    assertEquals(language, Script.count(text).language());
  }
}
