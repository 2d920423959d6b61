//! End to end on a raw fixture release: cleaning (boilerplate, hard wraps, link debris) then
//! segmentation, through the binary. The expected segments were checked by hand against the raw
//! file `fixtures/releases/fr/2006-lima-ministerial.txt`: one per sentence of the body, the heading
//! alone, each contact line alone, source errors ("Ca déclaration", "a Lima") kept.

use assert_cmd::Command;

#[test]
fn lima_release_segments_as_a_translator_would() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/releases/fr/2006-lima-ministerial.txt"
    );
    let out = Command::cargo_bin("trame")
        .unwrap()
        .args(["segment", file])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let got: Vec<&str> = text.lines().collect();
    let expected = [
        "Fin de la réunion ministérielle consacrée a la migration",
        "Les ministres de 24 pays à fort taux d’émigration ont signé cette semaine a Lima une déclaration soulignant la nécessité de renforcer la collaboration en matière de politique migratoire et de respecter la législation internationale en vigueur.",
        "Ca déclaration sera présentée lors du dialogue de haut rang sur la migration internationale prévu aux Nations Unies à New York en septembre prochain.",
        "Le directeur général de l’OIM, Brunson McKinley, a souligné l’importance de cet événement en affirmant qu’il constituait un pas important vers une coopération visant à renforcer le lien entre migration et développement.",
        "M. McKinley a mis l’accent sur la nécessité de coordonner les politique migratoires et d’engager le secteur privé dans les processus régionaux de consultation.",
        "En plus d’appeler au respect des cadres légaux en matière de migration à l’échelle nationale et internationale, telles que la Convention internationale sur la protection des droits humains de tous les travailleurs migrants et des membres de leurs familles et la Convention des Nations Unies contre la criminalité transnationale organisée et ses deux protocoles sur le trafic et la traite des migrants, la déclaration de Lima demande aux pays de destination de faciliter les transferts de fonds.",
        "La première réunion a ouvert la voie pour instaurer un processus continu de discussion sur les questions migratoires entre les pays à forte émigration.",
        "La prochaine réunion est prévue l’année prochaine au Maroc.",
        "Ci-après la liste des pays présents à cette réunion : l’Algérie, la Bolivie, le Brésil, la Colombie, la Chine, la République dominicaine, l’Equateur, l’Egypte, l’El Salvador, les Philippines, le Guatemala, l’Inde, l’Indonésie, la Jamaïque, le Maroc, le Mexique, le Nigéria, le Pakistan, le Paraguay, le Pérou, le Sri Lanka, l’Afrique du Sud, la Thaïlande et le Vietnam.",
        "Pour ce qui est des organisations internationales, l’OID, la CEPALC, l’OIM, l’OIT, l’ONUDC, le PNUD, la CAN, le SEGIB, l’UNESCO et le FNUAP ont participé à cette réunion.",
        "Pour plus d’informations, veuillez contacter:",
        "Dolores Cortés",
        "IOM Lima",
        "Tél: +51.221 7209.",
        "E-mail: dcortes@iom.int",
    ];
    assert_eq!(got, expected);
}
