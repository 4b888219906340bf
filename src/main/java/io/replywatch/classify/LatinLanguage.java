package io.replywatch.classify;

import java.util.HashMap;
import java.util.Map;

/**
 * Guesses which language a Latin-script text is in, by counting its hits among the commonest short words of English
 * and of nine other Latin-script languages (es, fr, de, pt, it, nl, id, tr, pl): function words (articles, pronouns,
 * prepositions, auxiliaries, small numbers) and the greetings and thanks that open or close a post to a brand; and
 * its words with letters that only some of these languages write (ñ, ã, ß, ł, ş). The lists are our own, written
 * from general knowledge of these languages; no word list or corpus was copied. A word several languages share
 * ("de", "a", "no", "in", "die") counts for each of them, so it is evidence against the languages that lack it but
 * never decides between those that have it.
 *
 * <p>A text is English unless one other language has clearly more evidence: {@link #LEAD} hits more than English,
 * and more than any third language. The model is English and most short Latin-script posts to brands are too, so a
 * text with too little evidence ("great service!!", "@acme", "gracias!") stays {@code en}; one where two other
 * languages tie (short Spanish or Portuguese) is {@code und}, since it is not English either. One map lookup per
 * word and no regular expressions: this runs on every mention.
 */
public final class LatinLanguage {
  /**
   * Another language needs this many hits more than English. Chosen on our own data: with a lead of 1 or 2 none of
   * the 8,908 Latin-script texts of our English fixtures and development sets leaves {@code en}, but with 1 English
   * posts naming foreign places or food ("Buenos Aires to La Paz, no meal service", "venti latte con leche de soja
   * pls") were read as Spanish; 2 costs 7 of our 191 posts in other languages (latin-languages.csv: 184 to 177).
   */
  static final int LEAD = 2;

  /** ISO 639-1 codes, English first; each language's words follow in the same order. */
  private static final String[] CODES = {"en", "es", "fr", "de", "pt", "it", "nl", "id", "tr", "pl"};
  private static final int ES = bit("es");
  private static final int FR = bit("fr");
  private static final int DE = bit("de");
  private static final int PT = bit("pt");
  private static final int IT = bit("it");
  private static final int NL = bit("nl");
  private static final int TR = bit("tr");
  private static final int PL = bit("pl");
  private static final String[] WORDS = {
      // en: also the counter-evidence, so the commonest words of English posts, chat spellings included
      "the a an and or but to of in on at for with from by about after before into out up off over than"
          + " then i me my mine you your yours u ur ya we us our they them their he him his she her it its it's"
          + " this that these those is are am was were be been being have has had do does did done can could will"
          + " would should may might must not no don't dont doesn't doesnt didn't didnt can't cant won't wont"
          + " isn't isnt wasn't aren't haven't i'm im i've ive i'll you're youre that's thats there's what's there"
          + " here what why how when where who which all any some just still again now so very really too also"
          + " only even ever never yet already if because as get got please pls plz thanks thank hi hello hey one"
          + " via today tomorrow yesterday since until while"
          // English words that are function words elsewhere ("come", "van", "met"), found in our English
          // fixtures, and "com" from domain names the tokenizer splits ("acme.com"): listed here too, they never
          // count against English
          + " go come once ten due size per man son bin word plus met ate comment van sim non ai eu e os op co com",
      // es
      "de la que el en y a los las se del un una por con no es para lo mi me su al pero más mas ya muy está"
          + " esta estoy están hay tengo tiene tienen nadie nada desde cuando cuándo donde dónde qué cómo como"
          + " porque gracias hola buenas buenos días dias dia favor todavía todavia aún aun sin sus les le eso"
          + " este esto ni sí si también tambien ustedes mis son fue he ha han hemos otra otro vez ayer hoy mañana"
          + " llevo quiero puedo hace bien nos q xq pq cuanto cuánto muchas mucho nuestro dos tres yo tu te algo"
          + " alguien ahora así solo cada todo toda todos tan sobre hasta usted era sea siempre nunca",
      // fr
      "de la le les et à a un une des du en est que qui pas ne je j' vous il elle ce ça ca c' pour par sur"
          + " avec dans au aux mon ma mes votre vos nous mais ou où plus toujours encore rien personne merci"
          + " bonjour bonsoir svp stp s' très tres suis ai avez avons été fait depuis jamais quand comment"
          + " pourquoi qu' n' d' l' m' y sont être chez aucun aucune cette ces son sa ses leur leurs moi on peut"
          + " peux veux faut alors donc déjà deja aussi tout tous toute bien hier aujourd'hui demain me se sous"
          + " devant sans après entre vers deux trois tu te lui ils elles ont était comme même autre oui",
      // de
      "der die das und ist nicht ich es sie ein eine einen einem einer zu den dem des mit von auf für fur"
          + " fuer im in bei noch schon mein meine meinen meiner mir mich ihr ihre ihnen wir uns aber oder auch"
          + " nur kein keine keiner nichts seit wie warum wieso wann wo was wer habe hab hat haben bin sind wird"
          + " wurde werden kann können konnte immer sehr danke bitte hallo leider heute gestern morgen jetzt mehr"
          + " dass daß sich man gibt zum zur vom am um an so ja nein euch euer eure mal doch denn weil wenn dann"
          + " da hier wieder nach aus durch über er dank vielen viel zwei drei du dich dir sein seine ihm ihn"
          + " alles etwas nie",
      // pt
      "de a o que e do da em um uma para pra com não nao os as no na por mais se meu minha meus minhas é"
          + " foi está esta estou estão tem tenho já ja ainda nada ninguém ninguem vocês voces você voce vc vcs"
          + " obrigado obrigada olá ola oi bom boa dia muito muita quando onde porque como sem dos das ao aos à"
          + " seu sua isso isto esse essa este mas também tambem até ate agora hoje ontem amanhã nenhum nenhuma me"
          + " eu ele ela nos nós ou tá ta cadê cade valeu há pq q pelo pela pelos pelas tudo nosso nossa vai ser"
          + " sim quanto dois duas três eles elas aqui lá então coisa todo todos toda sobre era sempre nunca",
      // it
      "di e il la che è non un una per in con mi ho ma sono del della dei delle da le lo gli al alla ai nel"
          + " nella sul sulla ancora perché perche come anche più piu questo questa quello quella grazie ciao"
          + " buongiorno buonasera salve niente nessuno sempre già gia ci si ne cosa quando dove molto tutto tutti"
          + " stato stata fatto ha hanno io voi vostro vostra mio mia miei l' dell' all' nell' dall' sull' un' c'"
          + " sto siete abbiamo avete ed o oggi ieri domani se i quanto due tre tu ti lui lei loro noi mai poi"
          + " però qui cui solo era sempre",
      // nl
      "de het een en van ik is niet dat die in op te voor met mijn je jullie u uw zijn er maar om nog al"
          + " ook geen wel naar bij aan heb heeft hebben ben was wordt word kan kunnen wat waarom wanneer hoe waar"
          + " dan als niks niets dank bedankt hallo hoi graag alsjeblieft alstublieft sinds weer nu zo ze we wij"
          + " me mij toch echt heel erg deze dit onze ons hun hier daar komt gaat moet moeten zou hoeveel binnen"
          + " twee drie hij zij jij hem haar omdat want altijd nooit",
      // id
      "yang dan di ini itu tidak tdk gak ga nggak enggak saya aku ke dari untuk utk dengan dgn ada sudah"
          + " udah sdh belum blm bisa kak mohon tolong terima kasih makasih apa kenapa kapan juga lagi sama karena"
          + " krn tapi akan masih sekali banget dong ya kok sih nya mau jadi atau kami kita anda gimana bagaimana"
          + " berapa harus pada oleh seperti hari sampai dia mana apakah tanpa dua tiga yg sy aja saja kalau kalo"
          + " tp gk selalu",
      // tr
      "ve bir bu da de ne için icin çok cok ama mi mı mu mü ile gibi daha var yok ben sen siz biz bana beni"
          + " size sizin bizim hala hâlâ neden nasıl nasil şu su o en kadar sonra önce once hiç hic artık artik"
          + " lütfen lutfen teşekkürler tesekkurler teşekkür tesekkur merhaba olarak olan değil degil hem her ki"
          + " ya şey sey zaman hemen yine gün gun bugün bugun dün dun yarın yarin hiçbir hicbir kimse kaç kac bile"
          + " iki üç şimdi simdi çünkü cunku diye sadece hep tüm nerede niye hangi musun musunuz misin misiniz"
          + " mısın mısınız",
      // pl
      "i w z na nie się sie jest to że ze do co jak mi mnie już juz ale po o od dla za tak czy jestem mam"
          + " był byl była byla bardzo tylko jeszcze żeby zeby ten ta te go ich nic bo dziękuję dziekuje dzięki"
          + " dzieki proszę prosze witam dzień dzien dobry mój moj moje moja mojego kiedy gdzie dlaczego nikt"
          + " nadal znowu wczoraj dzisiaj jutro są sa być byc można mozna on a ile dwa dwie trzy ja ty wy my jego"
          + " jej tu tam teraz więc wiec przez przy bez pod nad przed zawsze nigdy"};
  /** Each word, with one bit per language ({@link #CODES} order) that uses it. */
  private static final Map<String, Integer> LANGUAGES = index();

  private LatinLanguage() {}

  private static int bit(String code) {
    return 1 << java.util.Arrays.asList(CODES).indexOf(code);
  }

  private static Map<String, Integer> index() {
    Map<String, Integer> out = new HashMap<>();
    for (int lang = 0; lang < CODES.length; lang++) {
      for (String w : WORDS[lang].split(" ")) {
        out.merge(w, 1 << lang, (a, b) -> a | b);
      }
    }
    return out;
  }

  /** ISO 639-1 code of the words of a Latin-script text: {@code en} unless another language clearly has more. */
  public static String guess(Tokens tokens) {
    int[] hits = hits(tokens);
    int best = 1;
    for (int lang = 2; lang < CODES.length; lang++) {
      best = hits[lang] > hits[best] ? lang : best;
    }
    if (hits[best] < hits[0] + LEAD) {
      return "en";
    }
    for (int lang = 1; lang < CODES.length; lang++) {
      if (lang != best && hits[lang] == hits[best]) {
        return Classification.UNKNOWN_LANGUAGE;
      }
    }
    return CODES[best];
  }

  /** Hits per language, in {@link #CODES} order. */
  static int[] hits(Tokens tokens) {
    int[] hits = new int[CODES.length];
    for (int i = 0; i < tokens.size(); i++) {
      String word = tokens.word(i);
      count(languages(word), hits);
      count(letters(word), hits);
    }
    return hits;
  }

  private static void count(int languages, int[] hits) {
    for (int mask = languages; mask != 0; mask &= mask - 1) {
      hits[Integer.numberOfTrailingZeros(mask)]++;
    }
  }

  /**
   * The languages that write the accented letters of one lower-cased word, so a word counts once for each even
   * when it has several: Turkish and Polish posts have few function words (their grammar is in the endings) but
   * letters no other language here writes (ı, ş, ğ; ł, ą, ę, ż), and ã or ñ part Portuguese from Spanish.
   */
  private static int letters(String word) {
    int mask = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      mask |= c < 128 ? 0 : letter(c);
    }
    return mask;
  }

  private static int letter(char c) {
    return switch (c) {
      case 'ñ' -> ES;
      case 'ã', 'õ' -> PT;
      case 'ç' -> FR | PT | TR;
      case 'â', 'ê', 'ô' -> FR | PT;
      case 'á', 'í', 'ú' -> ES | PT;
      case 'é' -> ES | FR | PT | IT;
      case 'ó' -> ES | PT | PL;
      case 'à' -> FR | PT | IT;
      case 'è', 'ù' -> FR | IT;
      case 'ì', 'ò' -> IT;
      case 'ë', 'ï' -> FR | NL;
      case 'î', 'û', 'œ' -> FR;
      case 'ß', 'ä' -> DE;
      case 'ö', 'ü' -> DE | TR;
      case 'ı', 'ğ', 'ş' -> TR;
      case 'ą', 'ę', 'ł', 'ś', 'ź', 'ż', 'ć', 'ń' -> PL;
      default -> 0;
    };
  }

  /**
   * The languages of one lower-cased word. French and Italian glue an elided article or pronoun to the next word
   * ("l'application", "j'ai", "c'è"), and the tokenizer keeps such a word whole, so the part up to the apostrophe
   * counts when the whole word is unknown.
   */
  private static int languages(String word) {
    Integer mask = LANGUAGES.get(word);
    if (mask != null) {
      return mask;
    }
    int apostrophe = word.indexOf('\'');
    if (apostrophe > 0 && apostrophe < word.length() - 1) {
      mask = LANGUAGES.get(word.substring(0, apostrophe + 1));
    }
    return mask == null ? 0 : mask;
  }
}
