"""The word lists the name cues are made of: words that are never names (function words,
titles, demonyms, institutions' nouns), titles and honorifics, speech verbs, family names of the
East Asian shapes, usual first names, organisations' head nouns. Apart from the patterns
(toolkit.names.patterns) and the rules (toolkit.names.cues), so that a list is edited without
reading a regular expression; re-exported by cues."""

from __future__ import annotations

import re

# Capitalised words that are not names (a name never contains one): function words,
# pronouns, titles, demonyms, common nouns of institutions, months and days, a ministry's
# portfolio (`the Minister of the Interior, N. Name, said`: the portfolio is no speaker).
# adjectives of states and peoples: not names, and what tells one state's institution from
# another's (`Soviet Council of Ministers`)
DEMONYMS = frozenset("""
Soviet Soviets Chinese Korean Koreans Hungarian Hungarians American Americans Vietnamese Japanese
Russian Russians Polish Czech Czechoslovak Slovak German Germans Mongolian Cuban Albanian Romanian
Rumanian Bulgarian Yugoslav Indian British English French Italian Spanish Asian African European
""".split())
NOT_NAMES = DEMONYMS | frozenset("""
A An The This That These Those Their There They Them He She His Her Him It Its We Our Us I You
Your Who Whom Whose Which What When Where Why How In On At By For From With Without And Or But
Nor As If Then Than Thereupon Therefore However Moreover Finally Also After Before During Since
Until While Though Although Because So Yet Still Now Here Today Yesterday Tomorrow Later Meanwhile
Besides Furthermore Thus Hence Nevertheless Otherwise Hereby Officially True Apart Secondly Firstly
Thirdly Lastly Next Some Many Most All Both Each Every No Not Only Other Another Such Several One
Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Please Dear Yours Respectfully
Comrade Comrades Cde Cdes Mr Mrs Ms Dr Mme Messrs Herr Frau Sir Madam Tovarishch Ambassador
Ambassadors Minister Ministers President Premier Chairman Chairwoman Marshal General Generals
Colonel Lieutenant Major Captain Admiral Secretary Deputy Vice Counsellor Counselor Consul Attache
Attaché Chargé Charge Professor Prof Director Head Leader Leaders Chief Commander Officer Envoy
Delegate Delegation Member Members Interpreter Correspondent Editor Premier Prime King Queen Prince
Emperor Pope Bishop Father Saint St Princess Shah Chancellor Senator Brigadier Federal
Western Eastern Northern Southern Socialist Communist Communists Democratic People's Peoples
Republic Republics Party Parties Government Governments Committee Council Ministry Embassy Union
State States Army Navy Assembly Congress Conference Treaty Declaration Agreement Office Bureau
Department Commission Presidium Politburo Secretariat Central Supreme National International
Foreign Affairs Internal Security Defense Defence Trade Foundation Association Agency Institute
University Academy League Federation Organization Organisation Front Bank Society Company
Corporation Legation Consulate Station Radio Press News Times Daily Review Report Memorandum
Record Conversation Note Notes Telegram Letter Minutes Document Translation Summary Citation
Credits Contents Subject Copy Top Secret Confidential Strictly Urgent Attachment Enclosure Source
January February March April May June July August September October November December Monday
Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter New Year Day Week Month
God Lord Marxism Marxist Leninism Leninist Marxism-Leninism Socialism Communism Imperialism
North South East West Far Middle Near Great Greater Little Upper Lower Inner Outer Peninsula
Gulf Sea Ocean River Lake Mount Mountains Island Islands Street Square Hotel Palace Hall Kremlin
Heights Valley Desert Plateau Canal Darya Castle Programme Program
Excellency Excellencies Highness Majesty Annex Annexes Appendix Appendices Article Chapter
Avenue Boulevard Road Lane Bridge Embankment Prospekt Prospect Quay Highway Stadium Airport
Genosse Genossin Genossen Camarada Camaradas Compañero Compañera Companheiro Towarzysz Elvtárs
Soudruh Soudružka Drugar Madame Mademoiselle Monsieur Señor Señora Sheikh Shaikh
Lt Lieut Maj Brig Col Gen Capt Adm Sgt Col.-Gen Lt.-Gen Maj.-Gen Lt.-Col Ato Woizero Weizero
Crisis War Revolution Movement Plan Year Years Congress Plenum Session Meeting Talks Negotiations
Interior Finance Justice Agriculture Education Health Culture Commerce Industry Transport Labour
Labor Communications Economy Economics Planning Information Propaganda Fisheries Petroleum
Tourism Confederation Staff Commons Lords Representatives Mayor Ayatollah Archbishop Cardinal Patriarch Imam Tunku Tun
""".split())


# particles inside a name: `Max van der Stoel`, `Karl von Bergen`, `Zayed bin Sultan`
PARTICLES = "van|von|der|den|de|da|do|dos|das|del|della|di|du|la|zu|ter|ten|bin|ibn|bint|y|arap"


TITLES = (r"Comrades?|Cdes?\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Messrs\.?|Mme\.?|Herr|Frau|Tovarishch|"
          r"Genossin|Genossen?|Camaradas?|Compañer[oa]|Companheir[oa]|Towarzysz|Elvtárs|Soudruh|"
          r"Madame|Monsieur|Señora?|Sheikh|Shaikh|"
          # military ranks abbreviated (`Lt. Col.`, `Maj. Gen.`, `Col.-Gen.`: the last word is
          # the one before the name) and Amharic honorifics (`Ato`, Mr.; `Woizero`, Mrs.)
          r"(?:Col|Lt|Maj)\.-(?:Gen|Col)\.|Lt\.|Lieut\.|Maj\.|Brig\.|Col\.|Gen\.|Capt\.|Adm\.|Sgt\.|"
          r"Ato|Woizero|Weizero|"
          r"[Aa]mbassadors?|[Mm]inisters?|[Pp]resident|[Pp]remier|[Cc]hairman|[Cc]hairwoman|"
          r"[Mm]arshal|General|Colonel|Lieutenant|Major|Captain|Admiral|King|Queen|Prince|Princess|Emperor|"
          r"Shah|Sultan|Emir|[Ss]ecretary|[Dd]eputy|"
          r"[Vv]ice[- ](?:[Pp]remier|[Cc]hairman|[Pp]resident|[Mm]inister)|[Cc]ounsell?ors?|"
          r"[Cc]onsul|[Aa]ttach[eé]|[Cc]harg[eé] d'[Aa]ffaires|Professor|Prof\.|[Dd]irector|"
          r"[Cc]ommander|[Ee]nvoy|[Ii]nterpreter|[Cc]orrespondent|Chancellor|Senator|Brigadier|"
          # religious titles, Malay honorifics and a British peer's (`Ayatollah Khomeini`, `Bishop Abel
          # Muzorewa`, `Tunku Abdul Rahman`, `Lord Soames`)
          r"Ayatollah|Archbishop|Bishop|Cardinal|Patriarch|Imam|Tunku|Tun|Lord|"
          # a knight's and Burmese honorifics (`Sir John Kerr`, `Thakin Ba Thein Tin`, `Daw Khin Kyi`)
          r"Sir|Thakin|Daw")
SPEECH = (r"said|says|replied|stated|declared|noted|added|asked|answered|emphasi[sz]ed|remarked|"
          r"explained|stressed|pointed out|told|informed|announced|agreed|responded|continued|"
          r"went on|objected|suggested|proposed|expressed|mentioned|underlined|observed|insisted|spoke")

KOREAN = ("Kim|Pak|Park|Ri|Lee|Yi|Choe|Choi|Chong|Jong|Jeong|Jang|Han|Kang|Hong|Nam|Yun|Hwang|"
          "Mun|Ryu|Cho|Baek|Paek|Shin|Sin|Chae|Kwon|Ham|Rim|Ryom|Hyon|Hyun|Kye|Pyon|Seo|Suh|"
          "Bae|Pae|Jon|Chon|Jeon|Kim|Yon|Yom|Tak|Ok|Won|Im|Ro|Roh")
CHINESE = ("Mao|Zhou|Chou|Liu|Deng|Teng|Zhu|Chen|Ch'en|Peng|P'eng|Lin|Wang|Li|Zhang|Chang|Kang|"
           "K'ang|Dong|Tung|Hua|Jiang|Chiang|Yang|Huang|Zhao|Chao|Wu|Hu|Guo|Kuo|Luo|Gao|Kao|Ye|"
           "Yeh|Xu|Hsu|Tan|T'an|Qiao|Chiao|Geng|Keng|Ji|Chi|Pan|Tao|Bo|Po|Su|Xie|Hsieh|Rao|Jao|"
           "Ulanhu|Nie|Nieh|Luo|Lo|Wen|Zeng|Tseng|Yao|Ke|K'o|Xi|Hsi|Shen|Lu|Ma|Song|Sung|Cai|Tsai|"
           "Hao|Qian|Kong|Cao|Feng|Fu|Hou|Jia|Lei|Liang|Pang|Qin|Ren|Shi|Tang|Tian|Wei|Xiao|Xiong|"
           "Xue|Yan|Yu|Yuan|Zhong|Zou|Bai|Cheng|Dai|Gong|Huo|Liao|Meng|Qiu|Shao|Xia|Xing|Zhuang")
VIETNAMESE_NAMES = "Nguyen|Pham|Tran|Hoang|Truong|Vo|Dang|Bui|Ngo|Duong|Phan|Ho|Le"
# `Ho` only in Ho Chi Minh; `Le` not before the French papers and towns
VIETNAMESE = (VIETNAMESE_NAMES.replace("|Ho|", "|Ho(?= Chi Minh)|")
              .replace("|Le", r"|Le(?! (?:Monde|Figaro|Havre|Mans|Bourget|Temps|Matin)\b)"))
# Usual first names of the period's politicians and diplomats (a first name and a capitalised
# word after it make a person: `Alexander Dubček`, `Konstantin Katushev`)
FIRST_NAMES = frozenset("""
Alexander Aleksandr Alexei Aleksei Alexey Anastas Anatoly Anatoli Andrei Andrey Boris Dmitri
Dmitry Dmitrii Fyodor Gennady Georgi Georgy Grigory Ivan Konstantin Leonid Mikhail Nikita Nikolai
Nikolay Pavel Pyotr Petr Sergei Sergey Valentin Valery Vasily Vasili Viktor Vladimir Vyacheslav
Yakov Yegor Yevgeny Yuri Yury Andropov Lavrenty Kliment Mikhail Semyon Arkady Ilya Oleg Igor
Jerzy Józef Jozef Władysław Wladyslaw Edward Wojciech Zenon Stanisław Stanislaw Tadeusz Adam
János Janos József Jozsef Gyula Ferenc Imre Mátyás Matyas Károly Karoly Béla Bela Jenő Jeno
Lajos Antonín Antonin Alexander Gustáv Gustav Ludvík Ludvik Václav Vaclav Klement Jiří Jiri
Walter Erich Willi Otto Horst Hermann Kurt Werner Friedrich Heinrich Wilhelm Konrad Willy Ulrich
Todor Georgi Zhivkov Gheorghe Nicolae Ion Emil Josip Edvard Enver Mehmet Fidel Raúl Raul Ernesto
Che Carlos Osvaldo Salvador Juan José Jose Luis John Dean Lyndon Richard Henry Dwight Robert
Charles Harold Georges Maurice Jawaharlal Indira Gamal Sukarno Norodom Souphanouvong Kaysone
Mohammed Ahmed Ali Hafez Yasser Kwame Julius Kenneth Patrice Sékou Sekou Modibo Houari
Salah Anwar Saddam Hosni Muammar Faisal Hussein Khalid Abdel Abdul Murtada Tariq Zayed Habib
Agostinho Amílcar Amilcar Samora Armando Eduardo Marcelino Aristides Nelson Oliver
Max Karl Hans Inge Oskar Günter Gunter Egon Lothar Helmut Franz Ludwig Peter Paul
Oldřich Alois Bohuslav Vasil Lubomír Miloš Zdeněk Jaroslav Josef Karel František Jan Miroslav
Vítězslav Rudolf Stefan Henryk Kazimierz Mieczysław Zbigniew Ryszard Andrzej Marian Lech
Bolesław Piotr Krzysztof Marek István László Sándor Zoltán Gábor Péter Miklós Frigyes Dezső
Árpád Antal Tibor Pál Géza Rezső Kálmán Csaba Attila Zsolt Tamás Balázs Gergely Dénes Endre
Günther Gerhard Heinz Erwin Fritz Manfred Joachim
Dieter Jürgen Klaus Rainer Wolfgang Harry Siegfried Alfred Bruno Axel Eberhard Ernst Georg
Johannes Rolf Theodor Vasile Ilie Constantin Ştefan Mircea Manea Corneliu Petar Dimitar Stanko
Mladen Pencho Milovan Stane Mitja Veljko Dragoslav Lazar Branko Sam Samuel William James George
Thomas Michael David Averell Cyrus Gerald Jimmy Ronald Margaret Jacques Valéry François Michel
Pierre Jean Raymond Louis Jorge Pedro Manuel Antonio Francisco Miguel Rafael Alfonso Augusto
Lúcio Paulo Mário Álvaro Joaquim Luís Daniel Humberto Tomás Muhammad Mohammad Mohamed Ahmad
Hassan Omar Yusuf Ibrahim Ismail Abdallah Jamal Kamal Mahmoud Mustafa Nasser Rashid Sami Walid
Rifaat Taha Izzat Tarek Fuad Chedli Babrak Hafizullah Jomo Milton Joshua Thabo Moses Seretse
Léopold Félix Eisaku Takeo Masayoshi Yasuhiro Shigeru Nobusuke Hayato Zenko
Aldo Giulio Enrico Bettino Gianni Giorgio Amintore Pietro Palmiro Luigi Giovanni Giuseppe Sandro
Arnaldo Ugo Ciriaco Luciano Alessandro Benigno Mariano Emilio Francesco Nilde Achille Alcide
Ricardo Felipe Adolfo Leopoldo Fernando Hugo Héctor Alfredo Ramón Julio Víctor Óscar
Arturo Enrique Gabriel Joaquín Hortensia Violeta Anastasio Omar Rodrigo Isabel Eva
Mehdi Shapour Abolhassan Sadegh Ruhollah Akbar Mir Hossein Karim Abdelaziz Abdelhamid Chadli
Yosef Yitzhak Shimon Moshe Menachem Golda Abba Levi Yigal Ariel Ezer Teddy
Ian Denis Roy Tony Neil Alec Anthony Winston Clement Hugh Geoffrey Ted Enoch Jeremy Barbara
Ramiz Hysni Adil Hekuran Kadri Beqir Nexhmije Spiro Koço Rita
Czesław Edmund Tajuddin Syed Ziaur Mujibur Zulfikar Benazir Khondaker Abul Ayub Yahya
Amadou Abdou Hastings Robert Simon Desmond Steve Walter Oliver Chris Winnie
Habib Leopold Olof Bruno Urho Mauno Kalevi Tage Gro Trygve Odvar Anker Poul
György Gyorgy András Andras Ottó Lőrinc Lorinc Ernő Erno Aladár Gusztáv Ágnes Erzsébet
Nikos Glafkos Konstantinos Andreas Georgios Giorgos Dimitrios Ioannis Spyros Evangelos Panagiotis
Kostas Theodoros Vassos Tassos Stylianos Gregorios Emmanouil Odysseas Melina
Rauf Bülent Süleyman Suleyman Turgut Kenan Necmettin Ismet İsmet Adnan Fahri Cevdet Celal Fatin
Marcelo Otelo Américo Vasco Jaime Adelino Henrique
Sirimavo Dudley Junius Ranasinghe Rohana Felix Ratnasiri Lalith Gamini Maithripala
Henri Leo Wilfried Gaston Paul-Henri Baudouin
Brian Conor Gerry Jack Reginald Bernadette Andrew Patrick Seán Sean Liam Garret Terence Merlyn
Francis Joe Kevin Desmond Maureen Shirley
Savka Miko Pero Milka Latinka Marko Milan Mika Dragutin Franjo Ante Stevan Svetozar Nikola
Dušan Dusan Slobodan Cvijetin Džemal Dzemal Budimir Vidoje Fadil Mahmut Raif Lazar
Jayaprakash Charan Atal Jagjivan Yashwantrao Swaran Jyoti Sanjay Rajiv Lal Bahadur Vijaya
Krishna Chandra Karpoori Biju Devaraj Chandrasekhar
Moïse Moise Antoine Joseph Jason Cyrille Justin Obafemi Nnamdi Yakubu Odumegwu Olusegun Murtala
Shehu Ahmadu Hissène Hissein Goukouni François-Xavier Pierre-Claver Cléophas 
Leonel Getúlio Getulio Juscelino Jânio Janio João Joao Tancredo Ulysses Darcy Olímpio Olimpio
Octavio Javier Gustavo Lázaro Lazaro Porfirio Plutarco Heberto Valentín Demetrio Vicente Ignacio
Rómulo Romulo Hernán Hernan Jacobo Efraín Efrain Guillermo Sergio Roberto Alberto Rubén Ruben Camilo
Torsten Sten Gunnar Ingvar Krister Thorbjörn Thorbjorn Hilmar Jens Einar Halvard Kjell Bjørn Knut Per
Abdulla Abdullah Qahtan Salem Salim Saleh Salih Haidar Haydar Muhsin Anis Yasin Jaafar Mahmud Hamoud
Yoweri Idi Apolo Oginga Mwai Rashidi Godfrey Abebe Mengistu Atnafu Teferi
Raj Ram Rajendra Ashok Morarji Fakhruddin Zail Pranab Kamlapati Liaquat Nurul Tikka Ghulam Mumtaz
Alejandro Torcuato Laureano Landelino Cristóbal Gregorio Nicolás Íñigo
Ferdinand Imelda Diosdado Corazon Bernabe Teodoro Blas Emmanuel Jovito Lorenzo Tito
Mihály Vilmos Ervin Róbert Lénárd Sarolta Jolán Piroska
Malcolm Gordon Rex Gough Bob Doug Lionel Bill Frank Jim Fred Arthur Eric Billy Norman Keith
Alparslan Deniz Nihat Sadi Orhan Hayrettin Tahsin Nurettin Ferit Hikmet Sadettin Haluk
""".split())


ORG_HEADS = (r"Party|Ministry|Committee|Embassy|Association|Council|Agency|Front|Army|Bank|"
             r"Institute|University|Academy|League|Federation|Organi[sz]ation|Office|Bureau|"
             r"Commission|Assembly|Congress|Presidium|Politburo|Secretariat|Department|Legation|"
             r"Consulate|Society|Corporation|Company|Foundation|Union|Guard|Navy|Command|"
             r"Parliament|Court|Service|Cooperative|Alliance|Movement|Directorate|Administration|Confederation|"
             r"Youth|Radio|Agency|Trust|Fund|Board|Archives?|Centre|Center|Nations|Mission|"
             r"Representation|Works|Forces|Community|Pact|Programme|Program|"
             # parliaments by their own names (`the Sejm`, `Great People's Khural`)
             r"Sejm|Khural|Knesset|Bundestag|Volkskammer|Duma|Storting|Riksdag|Folketing|"
             r"Eduskunta|Sobranie|Majlis|Cortes|Althing|"
             # newspapers by the word for newspaper (`Rodong Sinmun`, `Renmin Ribao`), the Red Cross
             r"Sinmun|Ilbo|Shimbun|Ribao|Sanomat|Zeitung|Dagblad|Tidning|Cross|Crescent|"
             # a junta, a shipyard; South Asian parties by their word for party or union
             # (`Jatiya Samajtantrik Dal`, `Jana Sangh`)
             r"Junta|Shipyard|Shipyards|Dal|Sangh|Peramuna|Pakshaya|Morcha|Samiti|Parishad|"
             # English newspapers by their head word (`People's Daily`, `Ceylon Daily News`)
             r"Daily|News|Times|Herald|Tribune|Gazette|Mail|Telegraph|Express|"
             # a general staff, a senate, volunteers as an army (`Chinese People's Volunteers`)
             r"Staff|Senate|Volunteers|"
             # a chamber of a parliament, an army by its singular (`Tanzania People's Defence Force`)
             r"Chamber|Force")
# (not `Post`: `the Border Post`, `Observation Post` are no newspapers)
# a parliament's name alone is an organisation's (`the Sejm`)
PARLIAMENTS = frozenset("Sejm Khural Knesset Bundestag Volkskammer Duma Storting Riksdag Folketing "
                        "Eduskunta Sobranie Majlis Cortes Althing Politburo Comintern Cominform Diet Congress".split())


_SURNAMES = {rule: frozenset(re.sub(r"\(\?=[^)]*\)", "", names).split("|"))
             for rule, names in (("korean", KOREAN), ("chinese", CHINESE), ("vietnamese", VIETNAMESE_NAMES))}
_TITLE_FIRST = frozenset("""Comrade Comrades Cde Cdes Mr Mrs Ms Dr Messrs Mme Herr Frau Tovarishch
Genosse Genossin Genossen Camarada Camaradas Compañero Compañera Companheiro Companheira Towarzysz
Elvtárs Soudruh Madame Monsieur Señor Señora Sheikh Shaikh
Ambassador Ambassadors Minister Ministers President Premier Chairman Chairwoman Marshal General
Colonel Lieutenant Major Captain Admiral King Queen Prince Princess Emperor Shah Sultan Emir
Secretary Deputy Vice Vice-Premier Vice-Chairman
Vice-President Vice-Minister Counsellor Counselor Counsellors Counselors Consul Attaché Attache
Chargé Charge Professor Prof Director Commander Envoy Interpreter Correspondent
Lt Lieut Maj Brig Col Gen Capt Adm Sgt Col.-Gen Lt.-Gen Maj.-Gen Lt.-Col Ato Woizero Weizero
Chancellor Senator Brigadier Ayatollah Archbishop Bishop Cardinal Patriarch Imam Tunku Tun Lord
Sir Thakin Daw""".split())
_ABBREVIATED_RANKS = frozenset("Lt Lieut Maj Brig Col Gen Capt Adm Sgt Col.-Gen Lt.-Gen Maj.-Gen Lt.-Col".split())
