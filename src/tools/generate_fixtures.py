#!/usr/bin/env python3
"""Expands Replywatch's own customer-care templates into labelled mentions.

Everything here was written for Replywatch (no rows or paraphrases of any third-party data set). Templates are
split in two by a fixed rule: about one in five goes to a held-out dev file used only to choose the fixture
weight and feature settings, the rest is appended to the shipped fixtures. Deterministic: same script, same files.

  python3 src/tools/generate_fixtures.py
writes src/main/resources/classify/fixtures-generated.csv and src/test/resources/classify/fixtures-dev.csv.
"""
import csv
import random
import re

SEED = 20261123
PER_TEMPLATE = 12

SLOTS = {
    "brand": ["@acme", "@skyline", "@northair", "@bluejet", "@metrobank", "@cardco", "@telconet", "@fibrefast",
              "@shopnow", "@quickcart", "@parcelgo", "@shipfast", "@streamly", "@tunebox", "@powergrid",
              "@waterco", "@stayinn", "@grandhotel", "@foodrun", "@pizzahub", "@railway", "@cityrail",
              "@insuresafe", "@gymfit", "@appify", "@cloudbox", "@mobileone", "@rentacar", "@busline", "@megastore"],
    "item": ["order", "package", "parcel", "refund", "replacement", "router", "laptop", "phone", "bag", "suitcase",
             "card", "new card", "SIM", "modem", "delivery", "voucher", "ticket", "booking confirmation", "invoice",
             "tracking number", "charger", "headphones", "sofa", "washing machine", "boarding pass", "receipt"],
    "service": ["internet", "wifi", "app", "website", "online banking", "login", "checkout", "account", "phone line",
                "TV box", "streaming", "mobile data", "hot water", "power", "heating", "payment page", "booking site"],
    "dur": ["2 hours", "3 hours", "45 minutes", "an hour", "90 minutes", "two hours", "4 hours", "30 minutes",
            "over an hour", "5 hours", "40 mins", "3 hrs", "2hrs", "six hours", "20 minutes"],
    "days": ["3 days", "a week", "two weeks", "10 days", "5 days", "a month", "three weeks", "6 weeks", "4 days",
             "2 weeks", "over a month", "9 days"],
    "n": ["2", "3", "4", "5", "6", "three", "four", "five", "ten"],
    "nth": ["second", "third", "fourth", "fifth", "3rd", "4th", "5th"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "the 3rd", "last week"],
    "day2": ["Friday", "Saturday", "Sunday", "Monday", "Tuesday"],
    "time": ["7am", "9:30", "noon", "6pm", "8:15", "tonight", "this evening", "tomorrow morning"],
    "amount": ["$40", "$120", "£35", "€60", "$9.99", "£200", "$75", "€15"],
    "channel": ["email", "DM", "ticket", "complaint", "chat", "claim", "form", "voicemail", "message"],
    "trip": ["flight", "train", "bus", "connection", "ferry", "flight home", "red-eye", "return flight"],
    "place": ["Denver", "Leeds", "the gate", "Heathrow", "Chicago", "Boston", "platform 4", "terminal 2",
              "Manchester", "Seoul", "the airport", "the station"],
    "staff": ["agent", "driver", "technician", "rep", "manager", "crew", "engineer", "courier", "cashier"],
    "name": ["Sam", "Priya", "Luis", "Mia", "Tom", "Aisha", "Ken", "Jo", "Dana", "Omar"],
    "feature": ["app update", "dark mode", "booking page", "seat map", "tracking page", "self check-in",
                "loyalty program", "new menu", "lounge", "chat support"],
    "fault": ["crashes", "freezes", "logs me out", "shows an error", "won't load", "times out", "goes blank",
              "won't let me pay", "charges me twice", "drops out"],
    "problem": ["delay", "outage", "cancellation", "price hike", "lost bag", "missed delivery", "error message",
                "double charge", "dropped call", "hold queue", "broken update", "app crash"],
    "tag": ["", "", "", " #fail", " #neveragain", " #customerservice", " smh", " 🙄", " 😤", " ...", " again"],
}

# Label, held-out?, template. '!' at the start marks a held-out (dev) template.
COMPLAINT = """
{brand} {trip} delayed {dur} and counting
{brand} {trip} to {place} delayed again
{brand} been on hold for {dur}{tag}
{brand} on hold {dur} now. still no one
{brand} {days} and still no {item}
{brand} still no {item}. ordered it {days} ago
{brand} card declined again at checkout
{brand} my {item} was supposed to come {day}. still nothing
{brand} why is my {item} still not here?
{brand} why is my {service} down again?
{brand} why does the {service} keep failing every evening?
{brand} how many times do I have to call about my {item}?
{brand} when is someone actually going to answer my {channel}?
{brand} {nth} time asking about my {item}
{brand} no one has replied to my {channel} in {days}
{brand} nobody answers the phone{tag}
{brand} I was charged {amount} twice
{brand} charged {amount} for something I cancelled
{brand} you billed me {amount} for a plan I never ordered
{brand} {trip} cancelled with no notice{tag}
{brand} missed my connection in {place} because of your delay
{brand} the {service} {fault} every time I try{tag}
{brand} {service} down for {dur} now
{brand} {service} has been down since {day}
{brand} got the wrong {item}. again.
{brand} my {item} arrived damaged
{brand} lost my {item} and nobody knows where it is
{brand} my bag didn't make it to {place}
{brand} sat on the tarmac for {dur} with no update
{brand} the {staff} just hung up on me
{brand} the {staff} never showed up{tag}
{brand} driver says delivered. nothing here
{brand} tracking hasn't moved in {days}
{brand} refund still pending after {days}
{brand} {days} waiting for a refund of {amount}
{brand} still waiting for a callback from {day}
{brand} stuck at {place} for {dur}, no information
{brand} {n} calls, {n} different answers, still not fixed
{brand} can't log in for {days} now
{brand} please just fix the {service}, it's been {days}
{brand} your {service} is down and your status page says all good
{brand} waited {dur} at {place} for a bag that never came
{brand} locked out of my account again
{brand} no {trip} today and no explanation
{brand} the {staff} told me to call back tomorrow. for the {nth} time
{brand} still no power on our street after {dur}
{brand} what is going on with my {item}? {days} now
{brand} is anyone going to respond to my {channel} or not?
{brand} where is my {item}?? {days} late
{brand} seriously, {dur} on hold?
{brand} why was I charged {amount} when I cancelled?
{brand} how is my {item} still not shipped after {days}?
{brand} {item} never arrived and the chat keeps closing
{brand} promised a call back by {time}. nothing
{brand} {trip} overbooked and I got bumped{tag}
{brand} cancelled my {trip} and rebooked me {days} later
{brand} your app {fault} at checkout{tag}
{brand} ordered on {day}, it's {day2} and still processing
{brand} the {item} you sent doesn't work
{brand} same problem with my {service} for the {nth} time this month
!{brand} {trip} delayed {dur}, missed my meeting
!{brand} been waiting {dur} on the phone
!{brand} still no sign of my {item} after {days}
!{brand} why hasn't my refund come through yet?
!{brand} my {item} is lost again
!{brand} {service} out since {time}{tag}
!{brand} you charged me {amount} and the {item} never came
!{brand} waited at {place} for {dur} and the {trip} got cancelled
!{brand} no reply to my {channel} for {days}
!{brand} the {staff} hung up after {dur} on hold
!{brand} when will my {item} actually arrive? it's been {days}
!{brand} {service} {fault} again{tag}
"""

SARCASM = """
{brand} thanks for nothing{tag}
{brand} great, another {problem}. just great
{brand} great, another {dur} delay
{brand} love waiting {dur} for a {trip}{tag}
{brand} wow {dur} on hold. amazing service
{brand} nice job losing my {item}
{brand} awesome, my {trip} is delayed again
{brand} thanks for the {dur} delay{tag}
{brand} so glad I paid {amount} for an {item} that never came
{brand} really loving the {problem} today{tag}
{brand} cool, {problem} again
{brand} fantastic, cancelled again
{brand} way to go, another {problem}
{brand} best customer service ever... {dur} on hold and then cut off
{brand} perfect, my {item} is lost. thanks
{brand} oh great, the {service} is down again
{brand} thanks a lot for the {problem}{tag}
{brand} brilliant, {days} and my {item} still isn't here
{brand} love how nobody answers my {channel}
{brand} wonderful, charged twice again
{brand} great job, another {trip} cancelled
{brand} yay another {problem}, exactly what I needed
{brand} thank you so much for ruining my weekend
{brand} congrats on the {nth} {problem} this week
!{brand} thanks for nothing, again{tag}
!{brand} great, my {item} is lost. perfect
!{brand} love sitting at {place} for {dur}
!{brand} amazing how the {service} breaks every {day}
!{brand} wow, another {problem}. well done
!{brand} thanks for the {problem} and the {dur} wait
"""

QUESTION = """
{brand} how do I change my seat on the {trip}?
{brand} can I bring a {item} on board?
{brand} what time does the {place} desk open?
{brand} is there wifi on the {trip}?
{brand} do you deliver on {day2}?
{brand} how do I update my card details?
{brand} can I add a bag to my booking?
{brand} what's the baggage allowance on the {trip}?
{brand} is the {feature} available on android?
{brand} how long does a refund usually take?
{brand} can I change the delivery address for my {item}?
{brand} do you have a student discount?
{brand} what are your opening hours on {day2}?
{brand} is there a way to pause my subscription?
{brand} how do I track my {item}?
{brand} can I pick up my {item} from the store instead?
{brand} does the plan include roaming?
{brand} which terminal does the {trip} to {place} leave from?
!{brand} can I upgrade my seat at the gate?
!{brand} how do I reset my password?
!{brand} do you ship to Canada?
!{brand} what's the difference between the two plans?
"""

PRAISE = """
{brand} thanks for the quick reply{tag2}
{brand} thanks for sorting my {item} so fast
{brand} great service today, thank you
{brand} love the new {feature}
{brand} {trip} landed early, nice one
{brand} thanks {name}, fixed in {dur2}
{brand} {name} at {place} was so helpful
{brand} refund came through in {days2}, thanks!
{brand} {item} arrived a day early, love it
{brand} shoutout to the {staff} who helped me today
{brand} smoothest {trip} I've had in years
{brand} your chat team is brilliant
{brand} really appreciate the help with my {item}
{brand} {service} back up already, well done
{brand} thank you for the upgrade!
{brand} best {trip} ever, the crew were lovely
{brand} {name} in support is a star
{brand} impressed how fast you fixed the {service}
{brand} got my {item} replaced without any hassle, thanks
{brand} the {feature} is so much better now
!{brand} thank you {name}, you made my day
!{brand} {item} arrived on time and well packed, thanks
!{brand} quick and friendly help as always
!{brand} loving the {feature}, great work
"""

NEUTRAL = """
{brand} my {trip} is at {time} tomorrow
{brand} on my way to {place}
{brand} just checked in for my {trip}
{brand} booked a {trip} for {day2}
{brand} DM sent with my booking reference
{brand} order number is in the DM
{brand} picking up my {item} on {day2}
{brand} {dur2} until boarding
{brand} moving to the new plan next month
{brand} switching my {service} to the annual plan
{brand} heading to {place} for the weekend
{brand} just ordered a {item}
{brand} will be at {place} around {time}
{brand} watching the match tonight
{brand} my {item} is out for delivery today
{brand} following up by DM
{brand} first {trip} with you next week
{brand} sent the form over email
{brand} the {staff} said it comes {day2}
{brand} done, details are in the chat
!{brand} flying to {place} on {day2}
!{brand} my {item} is scheduled for {day2}
!{brand} just renewed my subscription
!{brand} sending my receipt by DM now
"""

# Support requests written politely: people asking a care account for help open with "hi" and close with "please
# help" or "thanks", words a general sentiment lexicon reads as positive. The request is still a problem to answer.
REQUEST = """
{opener} {brand} my {product} {symptom}. {closer}
{brand} {opener} I can't get into my account and the reset email never arrives. {closer}
{brand} I need help with my {product}, it {symptom}
{brand} please help, I paid {amount} for {purchase} and never received it
{brand} I paid for {purchase} but didn't get it. {closer}
{brand} locked out of my account since the update. {closer}
{brand} my {product} stopped working after the update, any fix? thanks
{brand} could you please help me? my {item} never arrived
{brand} I have a problem with my {product}: it {symptom}. {closer}
{opener} {brand} my account was hacked and I can't get back in. {closer}
{brand} I keep getting error {code} when I try to {action}. {closer}
{brand} the verification code never comes through. help please
{brand} help! my {product} {symptom} and I need it for work
{brand} I'd really appreciate some help, my {product} {symptom} since {day}
{brand} need a refund for {purchase} that never came. thanks
{brand} someone keeps logging into my account and I can't change the password. urgent, please help
{brand} kindly assist, my {product} {symptom}
{brand} thanks in advance, my {product} {symptom} and my {channel} got no reply
{brand} any idea why my {product} {symptom}? tried everything. {closer}
{brand} my {product} {symptom}. is this a known issue? {closer}
{brand} {opener} I was charged for {purchase} twice, can you refund one? thank you
{brand} {opener} my subscription renewed after I cancelled it. {closer}
{brand} please fix this, my {product} {symptom} every single time
{brand} dear support team, my {product} {symptom} and nothing I try works. {closer}
{brand} good morning, I still haven't received {purchase} I paid for on {day}. {closer}
{brand} {opener} my {item} shows delivered but it isn't here. {closer}
{brand} I reinstalled twice and my {product} still {symptom}. {closer}
{brand} I lost access to my account when I changed phones. {closer}
!{opener} {brand} my {product} {symptom} since this morning. {closer}
!{brand} please help me get my account back, it says my password is wrong
!{brand} hello, I bought {purchase} but it never showed up. thanks
!{brand} I need help, my {product} {symptom} after every update
!{brand} could you please look into this? error {code} every time I {action}
!{brand} my card was charged but the order failed. {closer}
!{brand} {opener} the app logged me out and won't accept my password. {closer}
{brand} I bought {purchase} yesterday and still don't have it. {closer}
{brand} I won a reward in the event but never got it. {closer}
{brand} it still says I have no credits even after I paid. {closer}
{brand} {opener} I've been trying to {action} all day and it fails every time. {closer}
{brand} {opener} I still need help getting into my old account. {closer}
{brand} my {product} has an issue, the battery drains in an hour. {closer}
!{brand} I redeemed a code and nothing was added to my account. {closer}
!{brand} {opener} paid for {purchase} twice and only got one. {closer}
"""

# Feature requests and suggestions: something to answer, so a question in our categories, even when they say
# "would be great" or "love".
SUGGESTION = """
{brand} can you please add {wish}? thanks!
{brand} it would be great if you could add {wish}
{brand} please bring back {wish}, loved it
{brand} any plans to add {wish}? would love that
{brand} {opener} would love to see {wish} in the app. is it coming?
{brand} pretty please, give us {wish}
{brand} is there any way to get {wish}? thx
!{brand} when are you adding {wish}? it would be awesome
!{brand} please consider adding {wish}. thanks
"""

HOWTO = """
{brand} {opener} how do I move my {product} to a new phone? thanks
{brand} can you help me change the email address on my account? thank you
{brand} quick question: is it possible to {action2}? thanks
{brand} hello, where can I find my invoice for {day}? thanks in advance
{brand} hi, could you tell me how to {action2}? thank you
{brand} is there a way to {action2}? thanks
{brand} {opener} do you know if I can {action2}? {closer2}
!{brand} hi, how can I {action2}? thanks!
!{brand} where do I go to {action2}? thank you
"""

RESOLVED = """
{brand} thanks for the help, my {product} works again
{brand} problem solved, thank you so much for the help!
{brand} thanks for helping me get my account back, you're the best
{brand} {name} helped me fix my {product} in {dur2}. thank you!
{brand} all sorted now, thanks for the quick help
{brand} thank you for the refund, really appreciate it
!{brand} that fixed it, thanks for your help!
!{brand} got my account back, thank you for the help
"""

SLOTS["opener"] = ["", "", "", "hi", "hello", "hey", "hi there", "good morning", "hello team", "dear support"]
SLOTS["closer"] = ["please help", "can you help?", "any help appreciated", "thanks", "thank you", "thanks in advance",
                   "please advise", "need help asap", "help!", "🙏", "please help me", "can someone help?",
                   "would appreciate a reply", "please fix", "thanks for any help", "", "pls help", "thx", "pls fix",
                   "help pls", "thanks :)", "send help"]
SLOTS["wish"] = ["dark mode", "a family plan", "offline downloads", "the old layout", "lyrics", "a student discount",
                 "two-factor login", "more playlists", "the yearly plan", "color correction for several clips",
                 "an export button", "bulk delete", "a web version", "the classic theme"]
SLOTS["closer2"] = ["thanks", "thank you", "cheers", "", "thanks in advance"]
SLOTS["product"] = ["account", "app", "game", "subscription", "laptop", "printer", "phone", "email", "card", "channel",
                    "password reset", "download", "console", "smart TV app", "router", "order", "payment", "login",
                    "two-factor code", "backup"]
SLOTS["symptom"] = ["won't start", "keeps crashing", "says error 1006", "won't accept my password", "is stuck at 3%",
                    "shows a blank screen", "won't sync", "isn't working", "keeps logging me out", "won't load",
                    "freezes on launch", "says something went wrong", "won't update", "disconnects every few minutes",
                    "was suspended for no reason", "says my payment failed", "won't let me sign in"]
SLOTS["purchase"] = ["a game", "the premium plan", "an add-on", "a season pass", "a gift card", "the upgrade",
                     "an item", "a movie", "the annual subscription", "extra storage", "in-game currency", "a ticket"]
SLOTS["code"] = ["1006", "503", "E-42", "0x80070005", "CE-34878-0", "404", "4001", "#2"]
SLOTS["action"] = ["log in", "pay", "check out", "download", "update", "sign up", "upload a file", "reset my password",
                   "open the app", "renew"]
SLOTS["action2"] = ["change my username", "download my data", "add a second user", "switch to the yearly plan",
                    "transfer my points", "turn off auto-renew", "change my billing date", "share a folder",
                    "update my address", "link my accounts"]


# Mentions that are not complaints although they name a trip, a problem or a fault: plans, news, references,
# information questions, and thanks for a problem put right. They keep the complaint offset honest.
NEUTRAL_MORE = """
{brand} boarding now at {place}, see you on the other side
{brand} here's my booking reference {ref}
{brand} reading about your new routes to {place}
{brand} just saw your ad during the game
{brand} travelling with my {relative} on {day2}
{brand} sent you a DM with the details
{brand} ok, I'll try that and let you know
{brand} will do, thanks
{brand} same account as before, {ref}
{brand} thinking about switching my {service} to you
{brand} at {place} now, {trip} at {time}
{brand} your {feature} is rolling out in {place} today
{brand} following up on my {channel} from {day}, reference {ref}
{brand} first time trying the {feature}
{brand} here's a photo of the {item} label
{brand} my {relative} works at your {place} office
!{brand} checked in, gate info in the app
!{brand} reference number is {ref}, sent by DM
!{brand} trying the {feature} for the first time tonight
!{brand} landing at {place} around {time}
"""

QUESTION_MORE = """
{brand} do you have any {trip}s to {place} on {day2}?
{brand} are there any deals on {trip}s this month?
{brand} what's your policy for {policy}?
{brand} does my ticket include {perk}?
{brand} will the {feature} come to android?
{brand} how early should I get to {place}?
{brand} do I need to print my boarding pass?
{brand} can I use my points for {perk}?
{brand} any news on when the {feature} launches?
{brand} is {perk} free on the {trip}?
{brand} can my {relative} travel on my booking?
{brand} what documents do I need for {place}?
!{brand} is {perk} included for members?
!{brand} how many bags can I check on the {trip}?
!{brand} what's the policy on {policy} these days?
"""

PRAISE_MORE = """
{brand} the crew on my {trip} were amazing
{brand} always a pleasure travelling with you
{brand} got upgraded, what a surprise! thank you
{brand} great prices on {trip}s to {place}
{brand} you guys rock
{brand} that was quick, thanks for the reply
{brand} so happy with my new {item}
{brand} the {staff} went above and beyond today
{brand} thanks for getting me home on time
{brand} love the free {perk}
{brand} customer for ten years and still happy
{brand} thanks for rebooking me so fast after the cancellation
{brand} the delay was handled really well, thanks {name}
{brand} refund for the {problem} came through quickly, appreciated
{brand} {name} sorted the {problem} in {dur2}, brilliant
!{brand} lovely {trip} today, thank you all
!{brand} thanks for fixing the {problem} so quickly
!{brand} the {staff} at {place} was fantastic
"""

SLOTS["ref"] = ["ABC123", "#48213", "XK9Q2L", "order 55102", "case 00871", "PNR 7TQ4ZP", "ticket 30113"]
SLOTS["relative"] = ["mum", "dad", "son", "daughter", "partner", "grandma", "kids", "brother"]
SLOTS["policy"] = ["pets in the cabin", "carrying a stroller", "name changes", "changing dates", "travelling with a cast",
                   "returns without a receipt", "unaccompanied minors", "oversized bags"]
SLOTS["perk"] = ["wifi", "a checked bag", "lounge access", "a meal", "seat selection", "priority boarding",
                 "free delivery", "streaming"]

SLOTS["tag2"] = ["", "", " 👍", " :)", "!", " 🙏"]
SLOTS["dur2"] = ["5 minutes", "ten minutes", "2 minutes", "an hour", "under a minute"]
SLOTS["days2"] = ["2 days", "a day", "3 days", "24 hours", "two days"]

KOREAN = [
    ("complaint", "{kitem} 아직도 안 왔어요 벌써 {kdays}째예요"),
    ("complaint", "상담원 연결 {kdur}째 대기 중입니다"),
    ("complaint", "{kitem} 또 안 돼요 몇 번째인지 모르겠네요"),
    ("complaint", "결제가 두 번 됐는데 환불은 언제 해주나요"),
    ("complaint", "문의 남긴 지 {kdays}째인데 답이 없어요"),
    ("complaint", "{kitem} 왜 아직도 배송 준비중인가요"),
    ("complaint", "비행기가 {kdur} 지연됐는데 안내가 하나도 없네요"),
    ("complaint", "앱이 또 튕겨요 결제가 안 됩니다"),
    ("complaint", "고맙네요 덕분에 하루 종일 기다렸어요"),
    ("complaint", "전화는 계속 끊기고 채팅은 답이 없네요"),
    ("complaint", "!{kitem} 주문했는데 다른 물건이 왔어요"),
    ("complaint", "!인터넷이 {kdays}째 안 돼요"),
    ("question", "{kitem} 배송지 변경 가능한가요"),
    ("question", "영업시간이 어떻게 되나요"),
    ("question", "!멤버십 해지는 어디서 하나요"),
    ("praise", "{kitem} 빨리 와서 좋네요 감사합니다"),
    ("praise", "상담원분이 친절하게 해결해주셨어요 감사해요"),
    ("praise", "!빠른 답변 정말 감사합니다"),
    ("neutral", "내일 {kitem} 받으러 갈게요"),
    ("neutral", "주문번호 DM으로 보냈습니다"),
    ("neutral", "!다음 주에 이용할 예정입니다"),
]
SLOTS["kitem"] = ["주문한 상품이", "택배가", "환불이", "카드가", "수하물이", "교환 상품이", "노트북이", "공유기가"]
SLOTS["kdays"] = ["사흘", "일주일", "열흘", "이틀", "보름", "한 달"]
SLOTS["kdur"] = ["한 시간", "두 시간", "세 시간", "40분", "30분"]


# Korean posts that are not complaints: the first Korean templates were mostly complaints, and NSMC only has
# complaint and praise, so a Korean question or neutral remark was read as a complaint. Appended last.
KOREAN_MORE = [
    ("question", "{kbrand} {kitem2} 배송 조회는 어디서 하나요?"),
    ("question", "{kbrand} 주말에도 고객센터 운영하나요?"),
    ("question", "{kbrand} {kitem2} 교환하려면 어떻게 해야 하나요"),
    ("question", "{kbrand} 회원 등급은 언제 바뀌나요?"),
    ("question", "{kbrand} 포인트 유효기간이 어떻게 되나요"),
    ("question", "{kbrand} 해외 배송도 되나요?"),
    ("question", "{kbrand} {kplace}에도 매장 있나요?"),
    ("question", "{kbrand} 결제 수단 변경 가능할까요?"),
    ("question", "{kbrand} 비밀번호 재설정은 어떻게 하나요?"),
    ("question", "{kbrand} {kday} 주문하면 언제쯤 받을 수 있을까요?"),
    ("question", "혹시 {kitem2} 재입고 예정 있나요?"),
    ("question", "쿠폰은 중복 사용 가능한가요?"),
    ("question", "{kbrand} 앱에서 영수증 출력 되나요?"),
    ("question", "{kbrand} 수하물 무게 제한이 몇 kg인가요?"),
    ("question", "{kbrand} 좌석 변경은 출발 며칠 전까지 되나요?"),
    ("question", "이번 할인 행사 언제까지예요?"),
    ("question", "{kbrand} 요금제 변경하면 위약금 있나요?"),
    ("question", "{kbrand} 카드 분실 신고는 어디로 하면 되나요?"),
    ("question", "!{kbrand} 주소 변경은 앱에서 바로 되나요?"),
    ("question", "!{kbrand} 선물 포장도 해주시나요?"),
    ("question", "!{kbrand} {kitem2} 사이즈 교환 가능한가요?"),
    ("question", "!{kbrand} 멤버십 가입하면 무료 배송인가요?"),
    ("neutral", "{kbrand} {kday}에 {kplace} 매장 들를게요"),
    ("neutral", "{kbrand} 방금 DM으로 주문번호 보냈어요"),
    ("neutral", "{kbrand} 새 광고 봤어요"),
    ("neutral", "{kbrand} 오늘 {kitem2} 주문했습니다"),
    ("neutral", "{kbrand} 이번에 {kplace}점 새로 열었네요"),
    ("neutral", "{kbrand} 알겠습니다 그렇게 해볼게요"),
    ("neutral", "{kbrand} 네 확인했습니다"),
    ("neutral", "{kbrand} 내일 다시 연락드릴게요"),
    ("neutral", "{kbrand} 다음 달부터 요금제 바꿀 생각이에요"),
    ("neutral", "{kbrand} {kday} 출발 예정입니다"),
    ("neutral", "{kbrand} 신제품 출시 소식 공유합니다"),
    ("neutral", "친구가 {kbrand} 추천해줘서 가입해봤어요"),
    ("neutral", "{kbrand} 공지 확인했어요"),
    ("neutral", "{kbrand} 지금 {kplace} 가는 중이에요"),
    ("neutral", "{kbrand} 이벤트 응모했습니다"),
    ("neutral", "{kbrand} 앱 업데이트 했어요"),
    ("neutral", "!{kbrand} 요청하신 서류 메일로 보냈습니다"),
    ("neutral", "!{kbrand} {kday}에 방문 예정이에요"),
    ("neutral", "!{kbrand} 오늘 {kplace}에서 팝업 행사 하네요"),
    ("praise", "{kbrand} 덕분에 문제 해결됐어요 감사합니다"),
    ("praise", "{kbrand} {kitem2} 생각보다 빨리 왔어요 최고"),
    ("praise", "{kbrand} 직원분이 정말 친절하셨어요"),
    ("praise", "{kbrand} 이번 업데이트 너무 좋네요"),
    ("praise", "{kbrand} 항상 잘 쓰고 있어요"),
    ("praise", "{kbrand} 환불 빠르게 처리해주셔서 감사해요"),
    ("praise", "{kbrand} 포장 꼼꼼하게 해주셨네요 감동입니다"),
    ("praise", "!{kbrand} 상담 너무 만족스러웠어요"),
    ("praise", "!{kbrand} {kplace}점 직원분들 최고예요"),
    ("complaint", "{kbrand} 배송 참 빠르네요 {kdays}째 ㅋㅋ"),
    ("complaint", "{kbrand} 환불 요청한 지 {kdays}째인데 연락이 없네요"),
    ("complaint", "{kbrand} 상담원 연결이 왜 이렇게 안 되나요"),
    ("complaint", "{kbrand} 주문 취소했는데 결제는 왜 됐나요?"),
    ("complaint", "{kbrand} 앱 업데이트 후로 로그인이 안 돼요"),
    ("complaint", "{kbrand} 받은 {kitem2} 파손돼서 왔어요"),
    ("complaint", "!{kbrand} 같은 말만 반복하시니 답답하네요"),
    ("complaint", "!{kbrand} {kitem2} 또 누락됐어요"),
]
SLOTS["kbrand"] = ["@에이스마트", "@하늘항공", "@빠른택배", "@한빛은행", "@모바일원", "@스트림온", "@푸드런", "@시티레일",
                   "@그린통신", "@홈스토어"]
SLOTS["kitem2"] = ["운동화", "노트북", "가방", "이어폰", "주문한 옷", "선물 세트", "충전기", "원피스", "커피머신", "책상"]
SLOTS["kplace"] = ["강남", "부산", "홍대", "대전", "판교", "제주", "인천공항", "광주"]
SLOTS["kday"] = ["오늘", "내일", "이번 주말", "다음 주 월요일", "금요일", "모레"]


def expand(template, rnd, brand_p):
    def fill(m):
        return rnd.choice(SLOTS[m.group(1)])
    text = re.sub(r"\{(\w+)\}", fill, template)
    if text.startswith("@") and rnd.random() > brand_p:
        text = text.split(" ", 1)[1]
    text = re.sub(r"\s+", " ", text).strip()
    if rnd.random() < 0.15 and not text.startswith("@"):
        text = text[0].upper() + text[1:]
    return text


def main():
    rnd = random.Random(SEED)
    train, dev = [], []
    seen = set()
    groups = [("complaint", COMPLAINT), ("complaint", SARCASM), ("question", QUESTION), ("praise", PRAISE),
              ("neutral", NEUTRAL)]
    templates = []
    for label, block in groups:
        for line in block.strip().splitlines():
            templates.append((label, line.strip()))
    templates += KOREAN
    # Added later: appended so the rows above stay as they were.
    for label, block in (("complaint", REQUEST), ("question", HOWTO), ("praise", RESOLVED), ("question", SUGGESTION),
                         ("neutral", NEUTRAL_MORE), ("question", QUESTION_MORE), ("praise", PRAISE_MORE)):
        templates += [(label, line.strip()) for line in block.strip().splitlines()]
    templates += KOREAN_MORE
    for label, t in templates:
        held = t.startswith("!")
        t = t.lstrip("!")
        out = dev if held else train
        per = PER_TEMPLATE if "{" in t else 1
        for _ in range(per * 3):
            text = expand(t, rnd, 0.7)
            if text in seen:
                continue
            seen.add(text)
            out.append((text, label))
            per -= 1
            if per == 0:
                break
    for path, rows in (("src/main/resources/classify/fixtures-generated.csv", train),
                       ("src/test/resources/classify/fixtures-dev.csv", dev)):
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["text", "label"])
            w.writerows(rows)
        print(path, len(rows))


if __name__ == "__main__":
    main()
