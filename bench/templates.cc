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

LanguageTemplates Spanish() {
  LanguageTemplates t;
  t.tag = "es";
  t.sentence_space = " ";
  t.decimal = ',';
  t.months = {"enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
              "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
  t.dates = {{F::kDay, "el {d} de {month} de {y}"}, {F::kDayNoYear, "el {d} de {month}"},
             {F::kNumericDay, "el {dd}/{mm}/{y}"},  {F::kMonth, "en {month} de {y}"},
             {F::kMonthNoYear, "en {month}"},       {F::kLastMonth, "el mes pasado"},
             {F::kThisMonth, "este mes"},           {F::kYesterday, "ayer"},
             {F::kRecently, "recientemente"},       {F::kYear, "en {y}"}};
  t.future_dates = {"el {d} de {month} de {y}", "el {d} de {month}"};
  t.pct_format = "{n}%";
  t.pct_exact = {"un {x}"};
  t.pct_nearly = {"casi un {x}"};
  t.pct_more = {"más de un {x}"};
  t.pct_about = {"alrededor de un {x}"};
  t.money = {{1e9, {"{n} mil millones de dólares"}}, {1e6, {"{n} millones de dólares"}}};
  t.money_nearly = {"casi {x}"};
  t.money_more = {"más de {x}"};
  t.money_about = {"unos {x}"};
  t.vague_money = {{1e10, 1e11, "decenas de miles de millones de dólares"},
                   {1e11, 1e12, "cientos de miles de millones de dólares"},
                   {1e7, 1e8, "decenas de millones de dólares"},
                   {1e8, 1e9, "cientos de millones de dólares"}};
  t.claims = {
      {K::kPriceChange, "Las acciones de {org} cayeron {pct} {date}."},
      {K::kPriceChange,
       "Las acciones de {org} subieron {pct} {date} tras una nota de los analistas."},
      {K::kPriceChange, "La cotización de {org} se desplomó {pct} {date}."},
      {K::kMarketValue, "{org} perdió {money} de capitalización bursátil {date}."},
      {K::kMarketValue, "La capitalización bursátil de {org} aumentó en {money} {date}."},
      {K::kNetWorth, "La fortuna de {person} cayó {pct} {date}."},
      {K::kNetWorth, "{person} perdió {money} de su patrimonio {date}."},
      {K::kRelease, "{org} lanzó {product} {date}."},
      {K::kRelease, "{org} presentó {product} {date} y lo abrió a los desarrolladores."},
      {K::kInterview, "{person} concedió una entrevista a {outlet} {date}."},
      {K::kEarningsCall, "{org} publicará sus resultados trimestrales {future}."},
      {K::kCost, "{org} afirmó {date} que el costo de entrenamiento de su modelo fue de {money}."},
      {K::kSpending, "{org} anunció {date} una inversión de {money} en nuevos centros de datos."},
      {K::kSpending, "{org} anunció {date} la adquisición de {org2} por {money}."},
      {K::kRevenue, "Los ingresos de {org} crecieron {pct} {date}."},
  };
  t.fillers = {
      "Los analistas creen que el sector atraviesa un periodo de fuerte incertidumbre.",
      "La empresa no quiso hacer comentarios.",
      "{org} ha ampliado sus equipos de investigación en los dos últimos años.",
      "La competencia se endurece a medida que los grandes grupos diseñan sus propios chips.",
      "Varios gestores de fondos dicen esperar señales más claras.",
      "Los reguladores europeos siguen el asunto de cerca.",
      "{person} dirige la compañía desde hace muchos años.",
      "El episodio reabrió el debate sobre la capacidad de cálculo que necesitan los modelos "
      "avanzados.",
      "El volumen de negociación se mantuvo muy por encima de la media mensual.",
      "Los proveedores asiáticos informan de pedidos estables de memoria y equipos de red.",
  };
  t.titles = {"{org}, bajo presión en los mercados", "Lo que dicen las últimas cifras de {org}",
              "{org} y la carrera de los chips"};
  return t;
}

LanguageTemplates Portuguese() {
  LanguageTemplates t;
  t.tag = "pt";
  t.sentence_space = " ";
  t.decimal = ',';
  t.months = {"janeiro", "fevereiro", "março",    "abril",   "maio",     "junho",
              "julho",   "agosto",    "setembro", "outubro", "novembro", "dezembro"};
  t.dates = {{F::kDay, "em {d} de {month} de {y}"}, {F::kDayNoYear, "em {d} de {month}"},
             {F::kNumericDay, "em {dd}/{mm}/{y}"},  {F::kMonth, "em {month} de {y}"},
             {F::kMonthNoYear, "em {month}"},       {F::kLastMonth, "no mês passado"},
             {F::kThisMonth, "neste mês"},          {F::kYesterday, "ontem"},
             {F::kRecently, "recentemente"},        {F::kYear, "em {y}"}};
  t.future_dates = {"em {d} de {month} de {y}", "em {d} de {month}"};
  t.pct_format = "{n}%";
  t.pct_exact = {"{x}"};
  t.pct_nearly = {"quase {x}"};
  t.pct_more = {"mais de {x}"};
  t.pct_about = {"cerca de {x}"};
  t.money = {{1e12, {"{n} trilhões de dólares"}},
             {1e9, {"{n} bilhões de dólares", "US$ {n} bilhões"}},
             {1e6, {"{n} milhões de dólares"}}};
  t.money_nearly = {"quase {x}"};
  t.money_more = {"mais de {x}"};
  t.money_about = {"cerca de {x}"};
  t.vague_money = {{1e10, 1e11, "dezenas de bilhões de dólares"},
                   {1e11, 1e12, "centenas de bilhões de dólares"},
                   {1e7, 1e8, "dezenas de milhões de dólares"},
                   {1e8, 1e9, "centenas de milhões de dólares"}};
  t.claims = {
      {K::kPriceChange, "As ações da {org} caíram {pct} {date}."},
      {K::kPriceChange, "As ações da {org} subiram {pct} {date} após um relatório de analistas."},
      {K::kPriceChange, "A cotação da {org} despencou {pct} {date}."},
      {K::kMarketValue, "A {org} perdeu {money} em valor de mercado {date}."},
      {K::kMarketValue, "O valor de mercado da {org} aumentou {money} {date}."},
      {K::kNetWorth, "A fortuna de {person} caiu {pct} {date}."},
      {K::kNetWorth, "{person} perdeu {money} de seu patrimônio {date}."},
      {K::kRelease, "A {org} lançou {product} {date}."},
      {K::kRelease, "A {org} apresentou {product} {date} e o abriu para desenvolvedores."},
      {K::kInterview, "{person} deu uma entrevista à {outlet} {date}."},
      {K::kEarningsCall, "A {org} publicará seus resultados trimestrais {future}."},
      {K::kCost, "A {org} afirmou {date} que o custo de treinamento de seu modelo foi de {money}."},
      {K::kSpending, "A {org} anunciou {date} um investimento de {money} em novos data centers."},
      {K::kSpending, "A {org} anunciou {date} a aquisição da {org2} por {money}."},
      {K::kRevenue, "A receita da {org} cresceu {pct} {date}."},
  };
  t.fillers = {
      "Para os analistas, o setor atravessa um período de forte incerteza.",
      "A empresa não quis comentar.",
      "A {org} ampliou suas equipes de pesquisa nos últimos dois anos.",
      "A concorrência fica mais dura à medida que os grandes grupos projetam seus próprios chips.",
      "Vários gestores de fundos dizem aguardar sinais mais claros.",
      "Os reguladores europeus acompanham o caso de perto.",
      "{person} comanda a empresa há muitos anos.",
      "O episódio reabriu o debate sobre a capacidade de computação exigida pelos modelos "
      "avançados.",
      "O volume de negócios ficou bem acima da média mensal.",
      "Fornecedores asiáticos relatam pedidos estáveis de memória e equipamentos de rede.",
  };
  t.titles = {"{org} sob pressão no mercado", "O que dizem os números mais recentes da {org}",
              "{org} e a corrida dos chips"};
  return t;
}

LanguageTemplates German() {
  LanguageTemplates t;
  t.tag = "de";
  t.sentence_space = " ";
  t.decimal = ',';
  t.months = {"Januar", "Februar", "März",      "April",   "Mai",      "Juni",
              "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
  t.dates = {{F::kDay, "am {d}. {month} {y}"},     {F::kDayNoYear, "am {d}. {month}"},
             {F::kNumericDay, "am {dd}.{mm}.{y}"}, {F::kMonth, "im {month} {y}"},
             {F::kMonthNoYear, "im {month}"},      {F::kLastMonth, "im vergangenen Monat"},
             {F::kThisMonth, "in diesem Monat"},   {F::kYesterday, "gestern"},
             {F::kRecently, "kürzlich"},           {F::kYear, "im Jahr {y}"}};
  t.future_dates = {"am {d}. {month} {y}", "am {d}. {month}"};
  t.pct_format = "{n} Prozent";
  t.pct_exact = {"um {x}", "{x}"};
  t.pct_nearly = {"um fast {x}"};
  t.pct_more = {"um mehr als {x}"};
  t.pct_about = {"um rund {x}"};
  t.money = {{1e12, {"{n} Billionen Dollar"}},
             {1e9, {"{n} Milliarden Dollar", "{n} Mrd. Dollar"}},
             {1e6, {"{n} Millionen Dollar"}}};
  t.money_nearly = {"fast {x}"};
  t.money_more = {"mehr als {x}"};
  t.money_about = {"rund {x}"};
  t.vague_money = {{1e10, 1e11, "Dutzende Milliarden Dollar"},
                   {1e11, 1e12, "Hunderte Milliarden Dollar"},
                   {1e7, 1e8, "Dutzende Millionen Dollar"},
                   {1e8, 1e9, "Hunderte Millionen Dollar"}};
  t.claims = {
      {K::kPriceChange, "Die Aktie von {org} fiel {date} {pct}."},
      {K::kPriceChange,
       "Die Aktien von {org} stiegen {date} {pct}, nachdem Analysten ihre Kursziele angehoben "
       "hatten."},
      {K::kPriceChange, "Der Aktienkurs von {org} sank {date} {pct}."},
      {K::kMarketValue, "{org} verlor {date} {money} an Börsenwert."},
      {K::kMarketValue, "Der Börsenwert von {org} stieg {date} um {money}."},
      {K::kNetWorth, "Das Vermögen von {person} sank {date} {pct}."},
      {K::kNetWorth, "{person} verlor {date} {money} seines Vermögens."},
      {K::kRelease, "{org} veröffentlichte {date} {product}."},
      {K::kRelease, "{org} veröffentlichte {date} {product} für Entwickler."},
      {K::kInterview, "{person} gab {outlet} {date} ein Interview."},
      {K::kEarningsCall, "{org} legt {future} die Quartalszahlen vor."},
      {K::kCost,
       "{org} teilte {date} mit, die Trainingskosten des neuen Modells hätten {money} betragen."},
      {K::kSpending, "{org} kündigte {date} Investitionen von {money} in neue Rechenzentren an."},
      {K::kSpending, "{org} kündigte {date} die Übernahme von {org2} für {money} an."},
      {K::kRevenue, "Der Umsatz von {org} stieg {date} {pct}."},
  };
  t.fillers = {
      "Analysten sehen die Branche in einer Phase großer Unsicherheit.",
      "Das Unternehmen wollte sich nicht äußern.",
      "{org} hat seine Forschungsteams in den vergangenen zwei Jahren ausgebaut.",
      "Der Wettbewerb verschärft sich, weil große Konzerne eigene Chips entwerfen.",
      "Mehrere Fondsmanager sagen, sie warteten auf klarere Signale.",
      "Die europäischen Aufsichtsbehörden beobachten die Branche genau.",
      "{person} führt das Unternehmen seit vielen Jahren.",
      "Der Vorfall hat die Debatte über die Rechenleistung neu entfacht, die fortgeschrittene "
      "Modelle brauchen.",
      "Das Handelsvolumen lag deutlich über dem Monatsdurchschnitt.",
      "Zulieferer in Asien berichten von stabilen Aufträgen für Speicher und Netzwerktechnik.",
  };
  t.titles = {"{org} unter Druck", "Was die jüngsten Zahlen über {org} sagen",
              "{org} im Rennen um schnellere Chips"};
  return t;
}

LanguageTemplates Japanese() {
  LanguageTemplates t;
  t.tag = "ja";
  t.sentence_space = "";
  t.decimal = '.';
  t.months = {"1月", "2月", "3月", "4月",  "5月",  "6月",
              "7月", "8月", "9月", "10月", "11月", "12月"};
  t.dates = {{F::kDay, "{y}年{month}{d}日"},
             {F::kDayNoYear, "{month}{d}日"},
             {F::kMonth, "{y}年{month}"},
             {F::kMonthNoYear, "今年{month}"},
             {F::kLastMonth, "先月"},
             {F::kThisMonth, "今月"},
             {F::kYesterday, "昨日"},
             {F::kRecently, "最近"},
             {F::kYear, "{y}年"}};
  t.future_dates = {"{y}年{month}{d}日", "{month}{d}日"};
  t.pct_format = "{n}%";
  t.pct_exact = {"{x}"};
  t.pct_nearly = {"{x}近く"};
  t.pct_more = {"{x}超"};
  t.pct_about = {"約{x}"};
  t.money = {{1e12, {"{n}兆ドル"}}, {1e8, {"{n}億ドル"}}, {1e4, {"{n}万ドル"}}};
  t.money_nearly = {"{x}近く"};
  t.money_more = {"{x}超"};
  t.money_about = {"約{x}"};
  t.vague_money = {{1e10, 1e11, "数百億ドル"},
                   {1e11, 1e12, "数千億ドル"},
                   {1e7, 1e8, "数千万ドル"},
                   {1e8, 1e9, "数億ドル"}};
  t.claims = {
      {K::kPriceChange, "{date}、{org}の株価は{pct}下落した。"},
      {K::kPriceChange, "{org}の株価は{date}、{pct}上昇した。"},
      {K::kPriceChange, "{date}、{org}の株価が{pct}急落した。"},
      {K::kMarketValue, "{org}の時価総額は{date}、{money}減少した。"},
      {K::kMarketValue, "{date}、{org}の時価総額が{money}増加した。"},
      {K::kNetWorth, "{person}の個人資産は{date}、{pct}減少した。"},
      {K::kNetWorth, "{person}の資産は{date}、{money}減少した。"},
      {K::kRelease, "{org}は{date}、{product}を発表した。"},
      {K::kRelease, "{date}、{org}が{product}をリリースした。"},
      {K::kInterview, "{person}は{date}、{outlet}のインタビューに応じた。"},
      {K::kEarningsCall, "{org}は{future}に決算を発表する予定だ。"},
      {K::kCost, "{org}は{date}、最新モデルの開発費が{money}だったと明らかにした。"},
      {K::kSpending, "{org}は{date}、新しいデータセンターに{money}を投資すると発表した。"},
      {K::kSpending, "{org}は{date}、{org2}を{money}で買収すると発表した。"},
      {K::kRevenue, "{org}の売上高は{date}、{pct}増加した。"},
  };
  t.fillers = {
      "アナリストは、業界が大きな不確実性に直面していると指摘した。",
      "同社はコメントを控えた。",
      "{org}は過去2年間で研究チームを拡大してきた。",
      "クラウド大手が独自のチップを設計するなか、競争は激しさを増している。",
      "複数のファンドマネジャーは、より明確な方向性を待っていると述べた。",
      "欧米の規制当局はこの業界を注視している。",
      "{person}は長年にわたり経営を率いてきた。",
      "この出来事は、先端モデルに必要な計算能力をめぐる議論を再燃させた。",
      "当日の出来高は月間平均を大きく上回った。",
      "アジアのサプライヤーは、メモリーやネットワーク機器の受注が堅調だと報告した。",
  };
  t.titles = {"{org}に市場の圧力", "最新の数字が示す{org}の姿", "{org}と半導体競争"};
  return t;
}

LanguageTemplates Korean() {
  LanguageTemplates t;
  t.tag = "ko";
  t.sentence_space = " ";
  t.decimal = '.';
  t.months = {"1월", "2월", "3월", "4월",  "5월",  "6월",
              "7월", "8월", "9월", "10월", "11월", "12월"};
  t.dates = {{F::kDay, "{y}년 {month} {d}일"},
             {F::kDayNoYear, "{month} {d}일"},
             {F::kMonth, "{y}년 {month}"},
             {F::kMonthNoYear, "올해 {month}"},
             {F::kLastMonth, "지난달"},
             {F::kThisMonth, "이번 달"},
             {F::kYesterday, "어제"},
             {F::kRecently, "최근"},
             {F::kYear, "{y}년"}};
  t.future_dates = {"{y}년 {month} {d}일", "{month} {d}일"};
  t.pct_format = "{n}%";
  t.pct_exact = {"{x}"};
  t.pct_nearly = {"거의 {x}"};
  t.pct_more = {"{x} 이상"};
  t.pct_about = {"약 {x}"};
  t.money = {{1e12, {"{n}조 달러"}}, {1e8, {"{n}억 달러"}}, {1e4, {"{n}만 달러"}}};
  t.money_nearly = {"거의 {x}"};
  t.money_more = {"{x} 이상"};
  t.money_about = {"약 {x}"};
  t.vague_money = {{1e10, 1e11, "수백억 달러"},
                   {1e11, 1e12, "수천억 달러"},
                   {1e7, 1e8, "수천만 달러"},
                   {1e8, 1e9, "수억 달러"}};
  t.claims = {
      {K::kPriceChange, "{org} 주가는 {date} {pct} 하락했다."},
      {K::kPriceChange, "{date} {org} 주가가 {pct} 상승했다."},
      {K::kPriceChange, "{org} 주가는 {date} {pct} 급락했다."},
      {K::kMarketValue, "{org}의 시가총액이 {date} {money} 감소했다."},
      {K::kMarketValue, "{date} {org} 시가총액은 {money} 증가했다."},
      {K::kNetWorth, "{person}의 재산은 {date} {pct} 줄었다."},
      {K::kNetWorth, "{person}의 자산이 {date} {money} 감소했다."},
      {K::kRelease, "{org}는 {date} {product}를 출시했다."},
      {K::kRelease, "{date} {org}가 {product}를 공개했다."},
      {K::kInterview, "{person}는 {date} {outlet}와 인터뷰를 했다."},
      {K::kEarningsCall, "{org}는 {future} 분기 실적을 발표할 예정이다."},
      {K::kCost, "{org}는 {date} 최신 모델의 개발 비용이 {money}였다고 밝혔다."},
      {K::kSpending, "{org}는 {date} 새 데이터센터에 {money}를 투자한다고 발표했다."},
      {K::kSpending, "{org}는 {date} {org2}를 {money}에 인수한다고 발표했다."},
      {K::kRevenue, "{org}의 매출은 {date} {pct} 증가했다."},
  };
  t.fillers = {
      "분석가들은 업계가 큰 불확실성에 직면해 있다고 지적했다.",
      "회사 측은 논평을 거부했다.",
      "{org}는 지난 2년 동안 연구 조직을 확대해 왔다.",
      "클라우드 기업들이 자체 칩을 설계하면서 경쟁이 치열해지고 있다.",
      "여러 펀드매니저는 더 분명한 신호를 기다리고 있다고 말했다.",
      "유럽과 미국의 규제 당국은 이 업계를 주시하고 있다.",
      "{person}는 오랫동안 회사를 이끌어 왔다.",
      "이번 일은 첨단 모델에 필요한 연산 능력을 둘러싼 논쟁을 다시 불러일으켰다.",
      "이날 거래량은 월평균을 크게 웃돌았다.",
      "아시아 공급업체들은 메모리와 네트워크 장비 주문이 꾸준하다고 전했다.",
  };
  t.titles = {"시장 압박 받는 {org}", "최신 수치로 본 {org}", "{org}와 반도체 경쟁"};
  return t;
}

}  // namespace

const std::vector<LanguageTemplates>& AllTemplates() {
  static const std::vector<LanguageTemplates>* const kAll = new std::vector<LanguageTemplates>{
      Indonesian(), Italian(), Hindi(),      Chinese(), TraditionalChinese(), French(),
      English(),    Spanish(), Portuguese(), German(),  Japanese(),           Korean()};
  return *kAll;
}

}  // namespace claimline::bench
