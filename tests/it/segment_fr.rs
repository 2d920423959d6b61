//! The built-in French rules on the cases a careful translator expects (issue 3), one test per
//! case. Sentences are our own; expected segments were written by hand.

use trame::segment::Segmenter;

fn seg(text: &str) -> Vec<String> {
    Segmenter::builtin("fr")
        .unwrap()
        .segment(text)
        .into_iter()
        .map(|s| s.text)
        .collect()
}

#[test]
fn no_break_after_civility_titles() {
    assert_eq!(
        seg("M. Vitorino et MM. Dupont et Martin ont rencontré Mme Swing. Ils ont parlé."),
        [
            "M. Vitorino et MM. Dupont et Martin ont rencontré Mme Swing.",
            "Ils ont parlé."
        ]
    );
}

#[test]
fn no_break_after_doctor_with_or_without_dot() {
    assert_eq!(
        seg("Le Dr Martin et le Dr. Hoang sont arrivés. Ils ont parlé."),
        [
            "Le Dr Martin et le Dr. Hoang sont arrivés.",
            "Ils ont parlé."
        ]
    );
}

#[test]
fn no_break_after_p_ex() {
    assert_eq!(
        seg("Il cite plusieurs pays, p. ex. le Pérou et le Chili. Puis il conclut."),
        [
            "Il cite plusieurs pays, p. ex. le Pérou et le Chili.",
            "Puis il conclut."
        ]
    );
}

#[test]
fn no_break_after_etc_mid_sentence() {
    assert_eq!(
        seg("On trouve des oiseaux, des chiens, etc. dans le parc."),
        ["On trouve des oiseaux, des chiens, etc. dans le parc."]
    );
}

#[test]
fn etc_ending_a_sentence_before_a_new_one_breaks() {
    assert_eq!(
        seg("On trouve des oiseaux, des chiens, etc. Elle les aime tous."),
        [
            "On trouve des oiseaux, des chiens, etc.",
            "Elle les aime tous."
        ]
    );
}

#[test]
fn no_break_after_art() {
    assert_eq!(
        seg("Selon l’art. 5 de la Convention, les États s’engagent. Le texte est clair."),
        [
            "Selon l’art. 5 de la Convention, les États s’engagent.",
            "Le texte est clair."
        ]
    );
}

#[test]
fn no_break_after_numero() {
    assert_eq!(
        seg("Le décret n° 2019-12 du 3 janv. 2019 s’applique. Il entre en vigueur."),
        [
            "Le décret n° 2019-12 du 3 janv. 2019 s’applique.",
            "Il entre en vigueur."
        ]
    );
}

#[test]
fn no_break_after_tel_abbreviations() {
    assert_eq!(
        seg("Contact : Tél. +33 1 45 67 89 00, Tel. 01 45 67 89 01. Merci."),
        [
            "Contact : Tél. +33 1 45 67 89 00, Tel. 01 45 67 89 01.",
            "Merci."
        ]
    );
}

#[test]
fn no_break_after_av_j_c_mid_sentence() {
    assert_eq!(
        seg("Cette cité fut fondée en 52 av. J.-C. par les Romains."),
        ["Cette cité fut fondée en 52 av. J.-C. par les Romains."]
    );
}

#[test]
fn j_c_ending_a_sentence_breaks() {
    assert_eq!(
        seg("La ville fut fondée en 52 av. J.-C. Les Romains y bâtirent un temple."),
        [
            "La ville fut fondée en 52 av. J.-C.",
            "Les Romains y bâtirent un temple."
        ]
    );
}

#[test]
fn no_break_after_initials() {
    assert_eq!(
        seg("Le philosophe J.-P. Sartre et António G. Vitorino ont parlé. Il l’a dit."),
        [
            "Le philosophe J.-P. Sartre et António G. Vitorino ont parlé.",
            "Il l’a dit."
        ]
    );
}

#[test]
fn no_break_inside_decimals_and_thousands() {
    assert_eq!(
        seg("Le taux atteint 3,5 % pour 1 500 personnes et 1.200 bénévoles. Il baisse ensuite."),
        [
            "Le taux atteint 3,5 % pour 1 500 personnes et 1.200 bénévoles.",
            "Il baisse ensuite."
        ]
    );
}

#[test]
fn no_break_inside_dates() {
    assert_eq!(
        seg("La réunion (20-22/03) a eu lieu le 21.03.2019 à Lima. Elle a duré trois jours."),
        [
            "La réunion (20-22/03) a eu lieu le 21.03.2019 à Lima.",
            "Elle a duré trois jours."
        ]
    );
}

#[test]
fn no_break_inside_times() {
    assert_eq!(
        seg("La séance a repris à 14 h 30 et s’est terminée à 18.45 heures. Elle fut longue."),
        [
            "La séance a repris à 14 h 30 et s’est terminée à 18.45 heures.",
            "Elle fut longue."
        ]
    );
}

#[test]
fn no_break_inside_urls() {
    assert_eq!(
        seg("Voir https://www.iom.int/fr/news.html pour la suite. Le site est en français."),
        [
            "Voir https://www.iom.int/fr/news.html pour la suite.",
            "Le site est en français."
        ]
    );
}

#[test]
fn no_break_inside_email_addresses() {
    assert_eq!(
        seg("Écrivez à jean.dupont@iom.int. Nous répondrons vite."),
        ["Écrivez à jean.dupont@iom.int.", "Nous répondrons vite."]
    );
}

#[test]
fn no_break_inside_phone_numbers() {
    assert_eq!(
        seg("Tel. +54 11 4815 1035, Fax +51.221 7209."),
        ["Tel. +54 11 4815 1035, Fax +51.221 7209."]
    );
}

#[test]
fn no_break_after_dotted_acronym_mid_sentence() {
    assert_eq!(
        seg("L’O.N.U. a publié un rapport. Il est long."),
        ["L’O.N.U. a publié un rapport.", "Il est long."]
    );
}

#[test]
fn honorific_acronym_stays_with_the_name() {
    assert_eq!(
        seg("S.E. M. Alan García a ouvert la séance. Il a salué les délégués."),
        [
            "S.E. M. Alan García a ouvert la séance.",
            "Il a salué les délégués."
        ]
    );
}

#[test]
fn break_after_dot_and_closing_guillemet() {
    assert_eq!(
        seg("Il a déclaré : « C’est fini. » Puis il est parti."),
        ["Il a déclaré : « C’est fini. »", "Puis il est parti."]
    );
}

#[test]
fn break_after_guillemet_closing_an_ellipsis_sentence() {
    assert_eq!(
        seg("« Nous verrons bien… » Le ministre n’a rien ajouté."),
        ["« Nous verrons bien… »", "Le ministre n’a rien ajouté."]
    );
}

#[test]
fn no_break_inside_a_quotation_that_continues_the_sentence() {
    assert_eq!(
        seg("Il a dit « C’est fini. » hier soir, puis « Bon. », avant de partir."),
        ["Il a dit « C’est fini. » hier soir, puis « Bon. », avant de partir."]
    );
}

#[test]
fn quotation_with_several_sentences_is_cut_at_each_sentence_end() {
    assert_eq!(
        seg("Il a affirmé que « la migration est un phénomène mondial. C’est pourquoi nous devons coopérer. » Il a conclu."),
        [
            "Il a affirmé que « la migration est un phénomène mondial.",
            "C’est pourquoi nous devons coopérer. »",
            "Il a conclu."
        ]
    );
}

#[test]
fn ellipsis_followed_by_a_capital_breaks() {
    assert_eq!(
        seg("Il attendait… Personne ne vint. Puis... Rien."),
        ["Il attendait…", "Personne ne vint.", "Puis...", "Rien."]
    );
}

#[test]
fn ellipsis_followed_by_lower_case_does_not_break() {
    assert_eq!(
        seg("Il attendait… puis il partit."),
        ["Il attendait… puis il partit."]
    );
}

#[test]
fn bracketed_ellipsis_does_not_break() {
    assert_eq!(
        seg("« Nous devons agir (…) Les migrants comptent sur nous », a-t-il dit."),
        ["« Nous devons agir (…) Les migrants comptent sur nous », a-t-il dit."]
    );
}

#[test]
fn question_and_exclamation_before_lower_case_do_not_break() {
    assert_eq!(
        seg("Pourquoi partir ? demanda-t-il. Quelle surprise ! s’écria-t-elle."),
        [
            "Pourquoi partir ? demanda-t-il.",
            "Quelle surprise ! s’écria-t-elle."
        ]
    );
}

#[test]
fn question_and_exclamation_before_a_capital_break() {
    assert_eq!(
        seg("Pourquoi partir ? Il ne savait pas. Bravo ! Elle a gagné."),
        [
            "Pourquoi partir ?",
            "Il ne savait pas.",
            "Bravo !",
            "Elle a gagné."
        ]
    );
}

#[test]
fn colon_semicolon_and_dash_never_end_a_sentence() {
    assert_eq!(
        seg("Les objectifs sont : Accueillir, Protéger ; Intégrer – Le reste suivra."),
        ["Les objectifs sont : Accueillir, Protéger ; Intégrer – Le reste suivra."]
    );
}

#[test]
fn dateline_belongs_to_the_first_sentence() {
    assert_eq!(
        seg("Argentine - L’OIM a participé à une conférence. Elle a duré trois jours."),
        [
            "Argentine - L’OIM a participé à une conférence.",
            "Elle a duré trois jours."
        ]
    );
}

#[test]
fn dateline_with_dotted_abbreviation_belongs_to_the_first_sentence() {
    assert_eq!(
        seg("Washington, D.C. - Le sommet s’est ouvert hier. Il réunit 35 pays."),
        [
            "Washington, D.C. - Le sommet s’est ouvert hier.",
            "Il réunit 35 pays."
        ]
    );
}

#[test]
fn sentence_starting_with_a_number_breaks() {
    assert_eq!(
        seg("Le sommet s’est ouvert hier. 193 États y participent."),
        ["Le sommet s’est ouvert hier.", "193 États y participent."]
    );
}

#[test]
fn source_errors_are_kept_verbatim() {
    assert_eq!(
        seg("La Directeur générale adjointe a parlé ,a t-elle conclu. Elle a  été claire."),
        [
            "La Directeur générale adjointe a parlé ,a t-elle conclu.",
            "Elle a été claire."
        ]
    );
}

#[test]
fn each_line_is_its_own_segment() {
    assert_eq!(
        seg("Titre sans point\nCarolina Celi, Email : cceli@iom.int, Tel : +54 11 15 3232 1384\nCorps. Fin."),
        [
            "Titre sans point",
            "Carolina Celi, Email : cceli@iom.int, Tel : +54 11 15 3232 1384",
            "Corps.",
            "Fin."
        ]
    );
}

#[test]
fn numbered_heading_stays_whole() {
    assert_eq!(
        seg("1. Introduction\nII. Les objectifs du Pacte"),
        ["1. Introduction", "II. Les objectifs du Pacte"]
    );
}

#[test]
fn enumeration_after_a_colon_stays_in_its_sentence() {
    assert_eq!(
        seg("Les priorités sont : 1. Protéger les migrants ; 2. Les intégrer. Le reste suit."),
        [
            "Les priorités sont : 1. Protéger les migrants ; 2. Les intégrer.",
            "Le reste suit."
        ]
    );
}

#[test]
fn a_number_ending_a_sentence_still_breaks() {
    assert_eq!(
        seg("Voir à la page 2. Le rapport est long."),
        ["Voir à la page 2.", "Le rapport est long."]
    );
}

#[test]
fn dotted_country_name_is_not_a_sentence_end() {
    assert_eq!(
        seg("L’OIM intervient en R.D. Congo depuis 2003. Elle aide les déplacés."),
        [
            "L’OIM intervient en R.D. Congo depuis 2003.",
            "Elle aide les déplacés."
        ]
    );
}

#[test]
fn nota_bene_and_two_letter_initials_do_not_break() {
    assert_eq!(
        seg("N.B. Ph. Dupont et Ch. Martin sont venus."),
        ["N.B. Ph. Dupont et Ch. Martin sont venus."]
    );
}

#[test]
fn quoted_question_then_capital_breaks_after_the_guillemet() {
    assert_eq!(
        seg("Il a dit : « Pourquoi ? » Puis il est parti. « Pourquoi ? » a-t-il demandé."),
        [
            "Il a dit : « Pourquoi ? »",
            "Puis il est parti.",
            "« Pourquoi ? » a-t-il demandé."
        ]
    );
}

#[test]
fn parenthesised_sentence_is_its_own_segment() {
    assert_eq!(
        seg("Il a parlé. (Il était fatigué.) Puis il est parti."),
        ["Il a parlé.", "(Il était fatigué.)", "Puis il est parti."]
    );
}
