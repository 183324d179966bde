// The corpus templates (templates.h): original sentences written for the benchmark.
#include "bench/templates.h"

namespace claimline::bench {
namespace {

using K = StoryKind;
using F = DateForm;

LanguageTemplates English() {
  LanguageTemplates t;
  t.tag = "en";
  t.sentence_space = " ";
  t.decimal = '.';
  t.months = {"January", "February", "March",     "April",   "May",      "June",
              "July",    "August",   "September", "October", "November", "December"};
  t.dates = {{F::kDay, "on {d} {month} {y}"},      {F::kDay, "on {month} {d}, {y}"},
             {F::kDayNoYear, "on {month} {d}"},    {F::kDayNoYear, "on {d} {month}"},
             {F::kNumericDay, "on {y}-{mm}-{dd}"}, {F::kMonth, "in {month} {y}"},
             {F::kMonthNoYear, "in {month}"},      {F::kLastMonth, "last month"},
             {F::kThisMonth, "this month"},        {F::kThisMonth, "earlier this month"},
             {F::kYesterday, "yesterday"},         {F::kRecently, "recently"},
             {F::kRecently, "in recent weeks"},    {F::kYear, "in {y}"}};
  t.future_dates = {"on {d} {month} {y}", "on {month} {d}"};
  t.pct_format = "{n}%";
  t.pct_exact = {"{x}"};
  t.pct_nearly = {"nearly {x}", "almost {x}"};
  t.pct_more = {"more than {x}", "over {x}"};
  t.pct_about = {"about {x}", "around {x}"};
  t.money = {{1e12, {"${n} trillion"}},
             {1e9, {"${n} billion", "{n} billion dollars", "US${n} billion"}},
             {1e6, {"${n} million", "{n} million dollars"}}};
  t.money_nearly = {"nearly {x}", "almost {x}"};
  t.money_more = {"more than {x}", "over {x}"};
  t.money_about = {"about {x}", "around {x}"};
  t.vague_money = {{1e10, 1e11, "tens of billions of dollars"},
                   {1e11, 1e12, "hundreds of billions of dollars"},
                   {1e7, 1e8, "tens of millions of dollars"},
                   {1e8, 1e9, "hundreds of millions of dollars"}};
  t.claims = {
      {K::kPriceChange, "{org}'s shares fell {pct} {date}, the steepest drop among its peers."},
      {K::kPriceChange, "Shares of {org} rose {pct} {date} after analysts raised their targets."},
      {K::kPriceChange,
       "The stock of {org} slid {pct} {date} as investors reassessed the outlook."},
      {K::kMarketValue, "{org} lost {money} in market value {date}."},
      {K::kMarketValue, "The selloff wiped {money} off the market value of {org} {date}."},
      {K::kMarketValue, "{org} added {money} to its market capitalization {date}."},
      {K::kNetWorth, "The net worth of {person} fell {pct} {date}."},
      {K::kNetWorth, "{person} lost {money} of personal wealth {date}, by one tally."},
      {K::kRelease, "{org} released {product} {date}."},
      {K::kRelease, "{org} unveiled {product} {date}, opening it to outside developers."},
      {K::kInterview, "{person} gave an interview to {outlet} {date}."},
      {K::kInterview, "{person} sat down with {outlet} for a long conversation {date}."},
      {K::kEarningsCall, "{org} will report its quarterly results {future}."},
      {K::kEarningsCall, "{org} is scheduled to hold its earnings call {future}."},
      {K::kCost, "{org} said {date} that the training cost of its newest model was {money}."},
      {K::kSpending, "{org} spent {money} on hardware {date}."},
      {K::kSpending, "{org} agreed {date} to acquire {org2} for {money}."},
      {K::kRevenue, "{org} said {date} that its revenue rose {pct}."},
  };
  t.fillers = {
      "Analysts said the move reflected a broader shift in how the sector is judged.",
      "The company did not respond to a request for comment.",
      "{org} has expanded its research teams over the past two years.",
      "Competition in chips has intensified as cloud providers design their own processors.",
      "Several fund managers said they were waiting for clearer guidance.",
      "Regulators in Washington and Brussels are watching the industry closely.",
      "{person} has led the business through several product cycles.",
      "The episode renewed a debate about how much computing power advanced models need.",
      "Trading volumes were well above their monthly average.",
      "Executives at {org} declined to discuss details of the negotiations.",
      "Industry observers expect the pace of announcements to continue through the year.",
      "Suppliers across Asia reported steady orders for memory and networking equipment.",
  };
  t.titles = {"{org} under pressure as markets turn", "What the latest numbers say about {org}",
              "{org} and the race for faster chips", "Investors weigh the outlook for {org}"};
  return t;
}

LanguageTemplates French() {
  LanguageTemplates t;
  t.tag = "fr";
  t.sentence_space = " ";
  t.decimal = ',';
  t.months = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
              "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  t.dates = {{F::kDay, "le {d} {month} {y}"},      {F::kDayNoYear, "le {d} {month}"},
             {F::kNumericDay, "le {dd}/{mm}/{y}"}, {F::kMonth, "en {month} {y}"},
             {F::kMonthNoYear, "en {month}"},      {F::kLastMonth, "le mois dernier"},
             {F::kThisMonth, "ce mois-ci"},        {F::kYesterday, "hier"},
             {F::kRecently, "récemment"},          {F::kYear, "en {y}"}};
  t.future_dates = {"le {d} {month} {y}", "le {d} {month}"};
  t.pct_format = "{n} %";
  t.pct_exact = {"{x}"};
  t.pct_nearly = {"près de {x}"};
  t.pct_more = {"plus de {x}"};
  t.pct_about = {"environ {x}"};
  t.money = {{1e9, {"{n} milliards de dollars"}}, {1e6, {"{n} millions de dollars"}}};
  t.money_nearly = {"près de {x}"};
  t.money_more = {"plus de {x}"};
  t.money_about = {"environ {x}"};
  t.vague_money = {{1e10, 1e11, "des dizaines de milliards de dollars"},
                   {1e11, 1e12, "des centaines de milliards de dollars"},
                   {1e7, 1e8, "des dizaines de millions de dollars"},
                   {1e8, 1e9, "des centaines de millions de dollars"}};
  t.claims = {
      {K::kPriceChange,
       "L'action {org} a chuté de {pct} {date}, sa plus forte baisse depuis des mois."},
      {K::kPriceChange, "Le titre {org} a grimpé de {pct} {date} après une note d'analyste."},
      {K::kPriceChange, "Les actions de {org} ont reculé de {pct} {date}."},
      {K::kMarketValue, "{org} a perdu {money} de capitalisation boursière {date}."},
      {K::kMarketValue, "La capitalisation boursière de {org} a augmenté de {money} {date}."},
      {K::kNetWorth, "La fortune de {person} a chuté de {pct} {date}."},
      {K::kNetWorth, "{person} a perdu {money} de sa fortune personnelle {date}."},
      {K::kRelease, "{org} a lancé {product} {date}."},
      {K::kRelease, "{org} a dévoilé {product} {date}, en l'ouvrant aux développeurs."},
      {K::kInterview, "{person} a accordé un entretien à {outlet} {date}."},
      {K::kEarningsCall, "{org} tiendra sa conférence sur les résultats {future}."},
      {K::kCost,
       "{org} a indiqué {date} que le coût d'entraînement de son modèle atteignait {money}."},
      {K::kSpending,
       "{org} a annoncé {date} un investissement de {money} dans de nouveaux centres de données."},
      {K::kSpending, "{org} a annoncé {date} l'acquisition de {org2} pour {money}."},
      {K::kRevenue, "Le chiffre d'affaires de {org} a augmenté de {pct} {date}."},
  };
  t.fillers = {
      "Les analystes estiment que le secteur traverse une période de forte incertitude.",
      "La société n'a pas souhaité commenter ces informations.",
      "{org} a renforcé ses équipes de recherche au cours des deux dernières années.",
      "La concurrence s'intensifie à mesure que les grands groupes conçoivent leurs propres puces.",
      "Plusieurs gérants de fonds disent attendre davantage de visibilité.",
      "Les régulateurs européens suivent ce dossier de près.",
      "{person} dirige l'entreprise depuis de nombreuses années.",
      "Cet épisode relance le débat sur la puissance de calcul nécessaire aux modèles avancés.",
      "Les volumes d'échanges sont restés nettement supérieurs à leur moyenne mensuelle.",
      "Les fournisseurs asiatiques font état de commandes soutenues pour la mémoire et les "
      "équipements réseau.",
  };
  t.titles = {"{org} sous pression sur les marchés", "Ce que disent les derniers chiffres de {org}",
              "{org} dans la course aux puces"};
  return t;
}

LanguageTemplates Italian() {
  LanguageTemplates t;
  t.tag = "it";
  t.sentence_space = " ";
  t.decimal = ',';
  t.months = {"gennaio", "febbraio", "marzo",     "aprile",  "maggio",   "giugno",
              "luglio",  "agosto",   "settembre", "ottobre", "novembre", "dicembre"};
  t.dates = {{F::kDay, "il {d} {month} {y}"},
             {F::kDayNoYear, "il {d} {month}"},
             {F::kNumericDay, "il {dd}/{mm}/{y}"},
             {F::kMonth, "a {month} {y}"},
             {F::kMonth, "nel mese di {month} {y}"},
             {F::kMonthNoYear, "a {month}"},
             {F::kLastMonth, "il mese scorso"},
             {F::kThisMonth, "questo mese"},
             {F::kYesterday, "ieri"},
             {F::kRecently, "di recente"},
             {F::kYear, "nel {y}"}};
  t.future_dates = {"il {d} {month} {y}", "il {d} {month}"};
  t.pct_format = "{n}%";
  t.pct_exact = {"del {x}"};
  t.pct_nearly = {"di quasi il {x}"};
  t.pct_more = {"di oltre il {x}"};
  t.pct_about = {"di circa il {x}"};
  t.money = {{1e9, {"{n} miliardi di dollari", "{n} miliardi di $"}},
             {1e6, {"{n} milioni di dollari"}}};
  t.money_nearly = {"quasi {x}"};
  t.money_more = {"oltre {x}"};
  t.money_about = {"circa {x}"};
  t.vague_money = {{1e10, 1e11, "decine di miliardi di dollari"},
                   {1e11, 1e12, "centinaia di miliardi di dollari"},
                   {1e7, 1e8, "decine di milioni di dollari"},
                   {1e8, 1e9, "centinaia di milioni di dollari"}};
  t.claims = {
      {K::kPriceChange, "Le azioni di {org} sono calate {pct} {date}."},
      {K::kPriceChange, "Il titolo {org} è salito {pct} {date} dopo il giudizio degli analisti."},
      {K::kPriceChange,
       "Le azioni di {org} sono crollate {pct} {date} in una seduta molto nervosa."},
      {K::kMarketValue, "{org} ha perso {money} di capitalizzazione di mercato {date}."},
      {K::kMarketValue, "Il valore di mercato di {org} è aumentato di {money} {date}."},
      {K::kNetWorth, "Il patrimonio di {person} è calato {pct} {date}."},
      {K::kNetWorth, "{person} ha perso {money} del suo patrimonio personale {date}."},
      {K::kRelease, "{org} ha rilasciato {product} {date}."},
      {K::kRelease, "{org} ha lanciato {product} {date}, aprendolo agli sviluppatori."},
      {K::kInterview, "{person} ha concesso un'intervista a {outlet} {date}."},
      {K::kEarningsCall, "{org} terrà la conference call sui risultati {future}."},
      {K::kCost,
       "{org} ha dichiarato {date} che il costo di addestramento del suo modello è stato pari a "
       "{money}."},
      {K::kSpending, "{org} ha annunciato {date} un investimento di {money} in nuovi data center."},
      {K::kSpending, "{org} ha annunciato {date} l'acquisizione di {org2} per {money}."},
      {K::kRevenue, "Il fatturato di {org} è aumentato {pct} {date}."},
  };
  t.fillers = {
      "Secondo gli analisti il settore attraversa una fase di forte incertezza.",
      "L'azienda non ha voluto commentare.",
      "{org} ha ampliato i propri gruppi di ricerca negli ultimi due anni.",
      "La concorrenza si fa più dura mentre i grandi gruppi progettano chip in proprio.",
      "Diversi gestori di fondi dicono di attendere indicazioni più chiare.",
      "Le autorità europee seguono la vicenda con attenzione.",
      "{person} guida il gruppo da molti anni.",
      "L'episodio ha riaperto il dibattito sulla potenza di calcolo necessaria ai modelli "
      "avanzati.",
      "Gli scambi sono rimasti ben al di sopra della media mensile.",
      "I fornitori asiatici segnalano ordini costanti di memorie e apparati di rete.",
  };
  t.titles = {"{org} sotto pressione sui mercati", "Cosa dicono gli ultimi numeri di {org}",
              "{org} e la corsa ai chip"};
  return t;
}

LanguageTemplates Indonesian() {
  LanguageTemplates t;
  t.tag = "id";
  t.sentence_space = " ";
  t.decimal = ',';
  t.months = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
              "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  t.dates = {{F::kDay, "pada {d} {month} {y}"},
             {F::kDayNoYear, "pada {d} {month}"},
             {F::kNumericDay, "pada {dd}/{mm}/{y}"},
             {F::kMonth, "pada {month} {y}"},
             {F::kMonthNoYear, "pada {month} tahun ini"},
             {F::kLastMonth, "bulan lalu"},
             {F::kThisMonth, "bulan ini"},
             {F::kYesterday, "kemarin"},
             {F::kRecently, "baru-baru ini"},
             {F::kYear, "pada tahun {y}"}};
  t.future_dates = {"pada {d} {month} {y}", "pada {d} {month}"};
  t.pct_format = "{n}%";
  t.pct_exact = {"{x}", "sebesar {x}"};
  t.pct_nearly = {"hampir {x}"};
  t.pct_more = {"lebih dari {x}"};
  t.pct_about = {"sekitar {x}"};
  t.money = {{1e12, {"{n} triliun dolar AS"}},
             {1e9, {"{n} miliar dolar AS", "US${n} miliar"}},
             {1e6, {"{n} juta dolar AS"}}};
  t.money_nearly = {"hampir {x}"};
  t.money_more = {"lebih dari {x}"};
  t.money_about = {"sekitar {x}"};
  t.vague_money = {{1e10, 1e11, "puluhan miliar dolar AS"},
                   {1e11, 1e12, "ratusan miliar dolar AS"},
                   {1e7, 1e8, "puluhan juta dolar AS"},
                   {1e8, 1e9, "ratusan juta dolar AS"}};
  t.claims = {
      {K::kPriceChange, "Saham {org} anjlok {pct} {date}."},
      {K::kPriceChange,
       "Harga saham {org} naik {pct} {date} setelah analis menaikkan target harga."},
      {K::kPriceChange, "Saham {org} merosot {pct} {date} di tengah aksi jual investor."},
      {K::kMarketValue, "{org} kehilangan nilai pasar sebesar {money} {date}."},
      {K::kMarketValue, "Kapitalisasi pasar {org} naik {money} {date}."},
      {K::kNetWorth, "Kekayaan {person} turun {pct} {date}."},
      {K::kNetWorth, "{person} kehilangan {money} dari kekayaan bersihnya {date}."},
      {K::kRelease, "{org} merilis {product} {date}."},
      {K::kRelease, "{org} meluncurkan {product} {date} untuk para pengembang."},
      {K::kInterview, "{person} memberikan wawancara kepada {outlet} {date}."},
      {K::kEarningsCall, "{org} dijadwalkan menyampaikan laporan keuangan kuartalan {future}."},
      {K::kCost, "{org} menyebut {date} bahwa biaya pelatihan model terbarunya mencapai {money}."},
      {K::kSpending, "{org} mengumumkan {date} investasi {money} untuk pusat data baru."},
      {K::kSpending, "{org} mengumumkan {date} akuisisi {org2} senilai {money}."},
      {K::kRevenue, "Pendapatan {org} naik {pct} {date}."},
  };
  t.fillers = {
      "Para analis menilai sektor ini sedang menghadapi ketidakpastian yang tinggi.",
      "Perusahaan itu belum memberikan tanggapan.",
      "{org} memperluas tim risetnya dalam dua tahun terakhir.",
      "Persaingan semakin ketat karena penyedia layanan awan merancang cip sendiri.",
      "Sejumlah manajer dana mengaku menunggu arah yang lebih jelas.",
      "Regulator di Eropa dan Amerika mengawasi industri ini dengan cermat.",
      "{person} telah memimpin perusahaan selama bertahun-tahun.",
      "Peristiwa ini memicu perdebatan tentang kebutuhan daya komputasi model canggih.",
      "Volume transaksi jauh di atas rata-rata bulanan.",
      "Pemasok di Asia melaporkan pesanan memori dan perangkat jaringan yang stabil.",
  };
  t.titles = {"{org} tertekan di pasar", "Apa kata angka terbaru tentang {org}",
              "{org} dalam perlombaan cip"};
  return t;
}

LanguageTemplates Hindi() {
  LanguageTemplates t;
  t.tag = "hi";
  t.sentence_space = " ";
  t.decimal = '.';
  t.months = {"जनवरी", "फ़रवरी", "मार्च",  "अप्रैल",  "मई",   "जून",
              "जुलाई",  "अगस्त",  "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"};
  t.dates = {{F::kDay, "{d} {month} {y} को"},
             {F::kDayNoYear, "{d} {month} को"},
             {F::kNumericDay, "{dd}/{mm}/{y} को"},
             {F::kMonth, "{month} {y} में"},
             {F::kMonthNoYear, "इस साल {month} में"},
             {F::kLastMonth, "पिछले महीने"},
             {F::kThisMonth, "इस महीने"},
             {F::kRecently, "हाल ही में"},
             {F::kYear, "{y} में"}};
  t.future_dates = {"{d} {month} {y} को", "{d} {month} को"};
  t.pct_format = "{n}%";
  t.pct_exact = {"{x}"};
  t.pct_nearly = {"लगभग {x}"};
  t.pct_more = {"{x} से अधिक"};
  t.pct_about = {"करीब {x}"};
  t.money = {{1e9, {"{n} अरब डॉलर", "{n} बिलियन डॉलर"}}, {1e6, {"{n} मिलियन डॉलर"}}};
  t.money_nearly = {"लगभग {x}"};
  t.money_more = {"{x} से अधिक"};
  t.money_about = {"करीब {x}"};
  t.vague_money = {{1e10, 1e11, "दसियों अरब डॉलर"}, {1e11, 1e12, "सैकड़ों अरब डॉलर"}};
  t.claims = {
      {K::kPriceChange, "{org} के शेयर {date} {pct} गिर गए।"},
      {K::kPriceChange, "{org} के शेयरों में {date} {pct} की तेजी आई।"},
      {K::kPriceChange, "{date} {org} के शेयर की कीमत {pct} लुढ़क गई।"},
      {K::kMarketValue, "{org} का बाजार मूल्य {date} {money} घट गया।"},
      {K::kMarketValue, "{date} {org} के बाजार पूंजीकरण में {money} की बढ़त हुई।"},
      {K::kNetWorth, "{person} की संपत्ति {date} {pct} घट गई।"},
      {K::kNetWorth, "{person} की कुल संपत्ति में {date} {money} की गिरावट आई।"},
      {K::kRelease, "{org} ने {date} {product} जारी किया।"},
      {K::kRelease, "{date} {org} ने डेवलपर्स के लिए {product} जारी किया।"},
      {K::kInterview, "{person} ने {date} {outlet} को इंटरव्यू दिया।"},
      {K::kEarningsCall, "{org} {future} अपने तिमाही नतीजे जारी करेगी।"},
      {K::kCost, "{org} ने {date} बताया कि उसके नए मॉडल की प्रशिक्षण लागत {money} रही।"},
      {K::kSpending, "{org} ने {date} नए डेटा सेंटरों में {money} के निवेश की घोषणा की।"},
      {K::kRevenue, "{org} का राजस्व {date} {pct} बढ़ा।"},
  };
  t.fillers = {
      "विश्लेषकों का कहना है कि यह क्षेत्र अभी भारी अनिश्चितता से गुजर रहा है।",
      "कंपनी ने इस पर कोई टिप्पणी नहीं की।",
      "{org} ने पिछले दो वर्षों में अपनी शोध टीमों का विस्तार किया है।",
      "बड़ी क्लाउड कंपनियां अपने चिप खुद डिजाइन कर रही हैं, जिससे प्रतिस्पर्धा कड़ी हो गई है।",
      "कई फंड मैनेजरों ने कहा कि वे स्पष्ट संकेतों का इंतजार कर रहे हैं।",
      "यूरोप और अमेरिका के नियामक इस उद्योग पर करीबी नजर रखे हुए हैं।",
      "{person} कई वर्षों से कंपनी का नेतृत्व कर रहे हैं।",
      "इस घटना ने उन्नत मॉडलों के लिए जरूरी कंप्यूटिंग क्षमता पर बहस फिर छेड़ दी है।",
      "कारोबार की मात्रा मासिक औसत से काफी ऊपर रही।",
      "एशिया के आपूर्तिकर्ताओं ने मेमोरी और नेटवर्किंग उपकरणों के स्थिर ऑर्डर की जानकारी दी।",
  };
  t.titles = {"बाजार के दबाव में {org}", "{org} के ताजा आंकड़े क्या कहते हैं", "चिप की दौड़ में {org}"};
  return t;
}

LanguageTemplates Chinese() {
  LanguageTemplates t;
  t.tag = "zh";
  t.sentence_space = "";
  t.decimal = '.';
  t.months = {"1月", "2月", "3月", "4月",  "5月",  "6月",
              "7月", "8月", "9月", "10月", "11月", "12月"};
  t.dates = {{F::kDay, "{y}年{month}{d}日"},   {F::kDay, "在{y}年{month}{d}日"},
             {F::kDayNoYear, "{month}{d}日"},  {F::kMonth, "{y}年{month}"},
             {F::kMonthNoYear, "今年{month}"}, {F::kLastMonth, "上个月"},
             {F::kLastMonth, "上月"},          {F::kThisMonth, "本月"},
             {F::kYesterday, "昨天"},          {F::kRecently, "近期"},
             {F::kRecently, "最近"},           {F::kYear, "{y}年"}};
  t.future_dates = {"{y}年{month}{d}日", "{month}{d}日"};
  t.pct_format = "{n}%";
  t.pct_exact = {"{x}"};
  t.pct_nearly = {"近{x}"};
  t.pct_more = {"超过{x}"};
  t.pct_about = {"约{x}"};
  t.money = {{1e12, {"{n}万亿美元"}}, {1e8, {"{n}亿美元"}}, {1e4, {"{n}万美元"}}};
  t.money_nearly = {"近{x}"};
  t.money_more = {"超过{x}"};
  t.money_about = {"约{x}"};
  t.vague_money = {{1e10, 1e11, "数百亿美元"},
                   {1e11, 1e12, "数千亿美元"},
                   {1e7, 1e8, "数千万美元"},
                   {1e8, 1e9, "数亿美元"}};
  t.claims = {
      {K::kPriceChange, "{org}股价{date}下跌{pct}。"},
      {K::kPriceChange, "{date}，{org}股价上涨{pct}，创下近期最大涨幅。"},
      {K::kPriceChange, "受抛售影响，{org}股价{date}暴跌{pct}。"},
      {K::kMarketValue, "{org}市值{date}蒸发{money}。"},
      {K::kMarketValue, "{date}，{org}市值增加{money}。"},
      {K::kNetWorth, "{person}的个人财富{date}缩水{pct}。"},
      {K::kNetWorth, "{person}的身家{date}缩水{money}。"},
      {K::kRelease, "{org}{date}发布了{product}。"},
      {K::kRelease, "{date}，{org}推出{product}，并向开发者开放。"},
      {K::kInterview, "{person}{date}接受了{outlet}的专访。"},
      {K::kEarningsCall, "{org}将于{future}召开财报电话会议。"},
      {K::kCost, "{org}{date}表示，其最新模型的训练成本为{money}。"},
      {K::kSpending, "{org}{date}宣布投资{money}建设新的数据中心。"},
      {K::kSpending, "{org}{date}宣布以{money}收购{org2}。"},
      {K::kRevenue, "{org}营收{date}增长{pct}。"},
  };
  t.fillers = {
      "分析人士认为，该行业正经历一段高度不确定的时期。",
      "该公司未就此置评。",
      "{org}在过去两年中扩充了研究团队。",
      "随着云服务商自行设计芯片，行业竞争日趋激烈。",
      "多位基金经理表示，他们在等待更明确的信号。",
      "欧美监管机构正密切关注这一行业。",
      "{person}多年来一直领导公司的发展。",
      "这一事件再次引发了关于先进模型究竟需要多少算力的讨论。",
      "当日成交量远高于月度平均水平。",
      "亚洲供应商表示，内存和网络设备订单保持稳定。",
  };
  t.titles = {"{org}承压", "最新数据透露了{org}的哪些信息", "{org}与芯片竞赛"};
  return t;
}

LanguageTemplates TraditionalChinese() {
  LanguageTemplates t = Chinese();
  t.tag = "zh-Hant";
  t.dates = {{F::kDay, "{y}年{month}{d}日"},
             {F::kDayNoYear, "{month}{d}日"},
             {F::kMonth, "{y}年{month}"},
             {F::kMonthNoYear, "今年{month}"},
             {F::kLastMonth, "上個月"},
             {F::kThisMonth, "本月"},
             {F::kYesterday, "昨天"},
             {F::kRecently, "近期"},
             {F::kYear, "{y}年"}};
  t.pct_more = {"超過{x}"};
  t.pct_about = {"約{x}"};
  t.money = {{1e8, {"{n}億美元"}}, {1e4, {"{n}萬美元"}}};
  t.money_more = {"超過{x}"};
  t.money_about = {"約{x}"};
  t.vague_money = {{1e10, 1e11, "數百億美元"},
                   {1e11, 1e12, "數千億美元"},
                   {1e7, 1e8, "數千萬美元"},
                   {1e8, 1e9, "數億美元"}};
  t.claims = {
      {K::kPriceChange, "{org}股價{date}下跌{pct}。"},
      {K::kPriceChange, "{date}，{org}股價上漲{pct}，創下近期最大漲幅。"},
      {K::kPriceChange, "受拋售影響，{org}股價{date}暴跌{pct}。"},
      {K::kMarketValue, "{org}市值{date}蒸發{money}。"},
      {K::kMarketValue, "{date}，{org}估值增加{money}。"},
      {K::kNetWorth, "{person}的個人財富{date}縮水{pct}。"},
      {K::kNetWorth, "{person}的淨資產{date}縮水{money}。"},
      {K::kRelease, "{org}{date}發布了{product}。"},
      {K::kRelease, "{date}，{org}推出{product}，並向開發者開放。"},
      {K::kInterview, "{person}{date}接受了{outlet}的專訪。"},
      {K::kEarningsCall, "{org}將於{future}召開財報電話會議。"},
      {K::kCost, "{org}{date}表示，其最新模型的訓練成本為{money}。"},
      {K::kSpending, "{org}{date}宣布投資{money}興建新的資料中心。"},
      {K::kSpending, "{org}{date}宣布以{money}收購{org2}。"},
      {K::kRevenue, "{org}營收{date}增長{pct}。"},
  };
  t.fillers = {
      "分析人士認為，該行業正經歷一段高度不確定的時期。",
      "該公司未就此置評。",
      "{org}在過去兩年中擴充了研究團隊。",
      "隨著雲端服務商自行設計晶片，產業競爭日趨激烈。",
      "多位基金經理表示，他們在等待更明確的訊號。",
      "歐美監管機構正密切關注這一產業。",
      "{person}多年來一直領導公司的發展。",
      "這一事件再次引發了關於先進模型究竟需要多少算力的討論。",
      "當日成交量遠高於月度平均水準。",
      "亞洲供應商表示，記憶體與網路設備訂單保持穩定。",
  };
  t.titles = {"{org}承壓", "最新數據透露了{org}的哪些訊息", "{org}與晶片競賽"};
  return t;
}

}  // namespace

const std::vector<LanguageTemplates>& AllTemplates() {
  static const std::vector<LanguageTemplates>* const kAll = new std::vector<LanguageTemplates>{
      Indonesian(), Italian(), Hindi(), Chinese(), TraditionalChinese(), French(), English()};
  return *kAll;
}

}  // namespace claimline::bench
