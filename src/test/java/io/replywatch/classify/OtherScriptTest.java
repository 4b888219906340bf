package io.replywatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Posts we wrote in other scripts, each with the language it must be named. */
class OtherScriptTest {

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "注文した商品がまだ届きません。どうなっていますか？|ja",
      "ありがとうございます！|ja",
      "カスタマーサポート最悪|ja",
      "我的订单还没有到，请帮忙查一下|zh",
      "客服電話一直打不通|zh",
      "คำสั่งซื้อของฉันยังไม่มาถึงเลย|th",
      "Η παραγγελία μου δεν έχει έρθει ακόμα|el",
      "ההזמנה שלי עדיין לא הגיעה|he",
      "ჩემი შეკვეთა ჯერ არ მოსულა|ka",
      "Իմ պատվերը դեռ չի եկել|hy",
      "Мой заказ до сих пор не пришёл|ru",
      "не работает|ru",
      "Моє замовлення досі не прийшло|uk",
      "Дякую! Ви мені дуже допомогли|uk",
      "Мая пасылка яшчэ не прыйшла ў срок|be",
      "Моја поруџбина још није стигла|sr",
      "Нарачката не пристигна, ќе ми помогнете?|mk",
      "طلبي لم يصل بعد|ar",
      "سفارش من هنوز نرسیده است|fa",
      "میرا آرڈر ابھی تک نہیں پہنچا ہے|ur",
      "मेरा ऑर्डर अभी तक नहीं आया|hi",
      "আমার অর্ডার এখনও আসেনি|bn",
      "என் ஆர்டர் இன்னும் வரவில்லை|ta",
      "నా ఆర్డర్ ఇంకా రాలేదు|te",
      "ਮੇਰਾ ਆਰਡਰ ਅਜੇ ਨਹੀਂ ਆਇਆ|pa",
      "મારો ઓર્ડર હજી આવ્યો નથી|gu",
      "ನನ್ನ ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ|kn",
      "എന്റെ ഓർഡർ ഇതുവരെ വന്നില്ല|ml",
      "මගේ ඇණවුම තවම ආවේ නැහැ|si",
      "ការបញ្ជាទិញរបស់ខ្ញុំមិនទាន់មកដល់ទេ|km",
      "ຄໍາສັ່ງຊື້ຂອງຂ້ອຍຍັງບໍ່ມາຮອດ|lo",
      "ကျွန်ုပ်၏ အော်ဒါ မရောက်သေးပါ|my",
      "ትዕዛዜ እስካሁን አልደረሰም|am",
      "@acme 😡😡 ПОЧЕМУ так долго???|ru",
      "😀😀😀|und",
      "ꦲꦏ꧀ꦱꦫ ꦗꦮ|und",
      "12345 !!!|und",
  })
  void shouldNameTheLanguageByItsScript(String text, String language) {
    assertEquals(language, OtherScript.guess(text));
  }
}
