#!/usr/bin/env python3
"""Judged search queries for the branch's referentials.

Each query is typed as a user would; its relevant items are judged from reading the seed texts,
written down as rules over the accent-folded, lower-cased text (grade 3 = what the person is
looking for, 2 = closely related, 1 = marginally useful), and expanded by this script over the
four seeds into queries.csv (query;framework;code;grade). The rules were written before looking
at what the search returns. Re-run after changing a seed: python3 query_rules.py > queries.csv
"""
import glob, json, re, sys, unicodedata, os

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, '..', '..', '..', 'main', 'resources', 'seeds')

def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s.lower()) if unicodedata.category(c) != 'Mn')

def has(*patterns):
    return lambda t: all(re.search(p, t) for p in patterns)

def anyof(*patterns):
    return lambda t: any(re.search(p, t) for p in patterns)

W = r'\b'
QUERIES = [
    # single words, plurals and feminines
    ('formateurs', [(3, anyof(r'\bformat(eur|rice)s?\b')), (1, anyof(r'\bintervenants?\b'))]),
    ('formatrice', [(3, anyof(r'\bformat(eur|rice)s?\b')), (1, anyof(r'\bintervenants?\b'))]),
    ('conseillère', [(3, anyof(r'\bconseill(er|ere)s? commercia', r'\bconseillers?\b(?! (les|le|la|un|des|sur))')),
                     (2, anyof(r'\bconseill(er|ez|e|ees|es)\b', r'\bconseils?\b'))]),
    ('apprenants', [(3, anyof(r'\bapprenants?\b'))]),
    ("l'apprenant", [(3, anyof(r'\bapprenants?\b'))]),
    ('intervenants', [(3, anyof(r'\bintervenants?\b')), (2, anyof(r'\bformateurs?\b', r'sous-traitants?'))]),
    ('evaluation', [(3, anyof(r'\bevaluations?\b')), (1, anyof(r'\bevaluer\b'))]),
    ('archivage', [(3, anyof(r'\barchiv')), (1, anyof(r'\bclassement\b', r'\bclasser\b'))]),
    ('archiver les dossiers', [(3, anyof(r'\barchiv')), (2, anyof(r'\bclassement\b', r'\bclasser\b'))]),
    ('communiquer', [(3, anyof(r'\bcommuniqu', r'\bcommunication')), (1, anyof(r'\bdiffus'))]),
    ('facturation', [(3, anyof(r'\bfactur')), (1, anyof(r'\bdebiteurs?\b', r'\breglements?\b'))]),
    ('réclamations', [(3, anyof(r'\breclamations?\b')), (2, anyof(r'insatisfaction', r'litige', r'situations? (de tension|difficiles?)'))]),
    ('handicap', [(3, anyof(r'\bhandicap')), (2, anyof(r'accessibilit'))]),
    ('alternance', [(3, anyof(r'\balternan', r'\baltern[eé]')), (2, anyof(r'\btuteur', r'\bentreprises? d.accueil'))]),
    ('tuteur', [(3, anyof(r'\btut(eur|rice|orat)')), (1, anyof(r'\balternance'))]),
    ('prospection', [(3, anyof(r'\bprospect(er|ion|ant)')), (2, anyof(r'\bprospects?\b'))]),
    ('négociation', [(3, anyof(r'\bnegoci')), (1, anyof(r'\bobjections?\b'))]),
    ('veille', [(3, anyof(r'\bveille\b'))]),
    ('facture', [(3, anyof(r'\bfactur'))]),
    # no accents
    ('ingenierie pedagogique', [(3, anyof(r'ingenierie pedagogique')), (2, has(r'ingenierie')), (1, anyof(r'conception pedagogique'))]),
    ('strategie commerciale', [(3, anyof(r'(strategie|politique) commerciale')), (2, anyof(r'plan d.action commercial', r'objectifs commerciaux'))]),
    ('reglementation', [(3, anyof(r'\breglement(ation|aire)')), (1, anyof(r'\bconformite\b'))]),
    # elisions and phrases
    ("appel d'offres", [(3, anyof(r"appels? d.offres?")), (1, anyof(r'cahier des charges'))]),
    ("l'offre de formation", [(3, anyof(r"offres? de formation")), (2, anyof(r"\boffres?\b"))]),
    ("d'accueil des publics", [(3, has(r'\baccueil', r'\bpublics?\b')), (2, anyof(r'\baccueil'))]),
    # multi-word needs
    ('négociation commerciale', [(3, has(r'\bnegoci', r'commercia|client|vente')), (2, anyof(r'\bnegoci', r'\bargument\w* .{0,40}(client|offre)', r'objections?')),
                                 (1, anyof(r'\bconclure la vente'))]),
    ('recrutement des formateurs', [(3, has(r'\brecrut', r'format(eur|rice)s|intervenants')), (2, anyof(r'\brecrut')), (1, anyof(r'\bformateurs\b'))]),
    ('suivi de la facturation', [(3, has(r'\bfactur', r'\bsuivi|suivre|relan')), (2, anyof(r'\bfactur'))]),
    ('budget prévisionnel', [(3, anyof(r'budget previsionnel')), (2, anyof(r'\bbudget')), (1, anyof(r'\bcouts?\b', r'financier'))]),
    ('tableaux de bord', [(3, anyof(r'tableaux? de bord')), (2, anyof(r'tableaux? de (suivi|pilotage)', r'\bindicateurs?\b'))]),
    ('formation à distance', [(3, anyof(r'(formations?|tutorat|apprentissage|actions?) a distance', r'classe virtuelle', r'e-learning')),
                             (2, anyof(r'\ba distance\b', r'multimodal', r'\bnumerique'))]),
    ('bilan de compétences', [(3, anyof(r'bilan de competences?', r'\bbilan\b.{0,30}\bcompetences')), (2, anyof(r'prestations? de bilan', r'entretiens? de bilan', r'valorisation des competences')), (1, anyof(r'\bVAE\b'.lower()))]),
    ('satisfaction des apprenants', [(3, anyof(r'satisfaction des apprenants', r'appreciations? des apprenants', r'evaluation.{0,10}a chaud')), (2, anyof(r'\bsatisfaction\b', r'\bappreciations?\b'))]),
    ('maintenance des locaux', [(3, anyof(r'maintenance des locaux')), (2, anyof(r'\bmaintenance\b', r'\blocaux\b'))]),
    ('accompagnement des apprenants', [(3, has(r'\baccompagn', r'\bapprenants?\b')), (1, anyof(r'\baccompagn'))]),
    ('planning des formations', [(3, anyof(r'\bplannings?\b', r'planification')), (2, anyof(r'\bplanifi'))]),
    ('gestion des compétences', [(3, anyof(r'gestion des competences', r'developpement des competences des collaborateurs', r'competences des collaborateurs')),
                                 (2, anyof(r'ressources humaines', r'plan de developpement (individuel|des competences)', r'entretiens? (individuels? d.appreciation|d.evaluation|professionnels?)'))]),
    ('démarche qualité', [(3, anyof(r'demarches?\(?s?\)? qualite', r'referentiels? de qualite', r'\brnq\b', r'criteres? (de )?qualite')), (2, anyof(r'\bqualite\b', r'amelioration continue'))]),
    # the field's abbreviations (and their words)
    ('VAE', [(3, anyof(r'\bvae\b', r'validation des acquis')), (2, anyof(r'prestations? de bilan', r'valorisation des competences'))]),
    ('OPCO', [(3, anyof(r'\bopc[oa]\b', r'organismes? financeurs?')), (2, anyof(r'\bfinanceurs?\b'))]),
    ('CPF', [(3, anyof(r'\bcpf\b', r'compte personnel')), (2, anyof(r'financement (de (leurs?|son|ses) )?parcours', r'financement des formations', r'financements? possibles?')), (1, anyof(r'\bfinancements?\b'))]),
    ('RNCP', [(3, anyof(r'\brncp\b', r'repertoire national')), (2, anyof(r'certifications? professionnelles?', r'blocs? de competences', r'\bcertification')),]),
    ('CQP', [(3, anyof(r'\bcqp\b', r'certificat de qualification')), (2, anyof(r'certifications? professionnelles?')), (1, anyof(r'\bcertification'))]),
    ('OF', [(3, anyof(r'\bof\b', r'organismes? de formation', r'prestataires? de formation')), (1, anyof(r"\borganisme\b"))]),
    ('Qualiopi', [(3, anyof(r'demarches?\(?s?\)? qualite', r'referentiels? de qualite', r'\brnq\b', r'6 criteres', r'criteres? (de )?qualite')), (2, anyof(r'\bqualite des prestations', r'amelioration continue'))]),
    ('CRM', [(3, anyof(r'(outils?|logiciels?).{0,40}relation client', r'gestion de la relation client', r'fichier clients', r'bases? de donnees.{0,30}(clients|prospects)')),
             (2, anyof(r'relation client')), (1, anyof(r'\bprospects\b'))]),
    ('GPEC', [(3, anyof(r'gestion des competences', r'gestion des ressources humaines', r'competences des collaborateurs', r'\bgpec\b')),
              (2, anyof(r'ressources humaines', r'plan de developpement', r'mobilites? professionnelles?', r'entretiens? individuels? d.appreciation'))]),
    ('JPO', [(3, anyof(r'\bjpo\b', r'portes? ouvertes?')), (2, anyof(r'evenements? promotionnels?', r'\bsalons?\b', r'\bforums?\b', r'evenementiel'))]),
    ('RGPD', [(3, anyof(r'\brgpd\b', r'\brgdp\b', r'donnees personnelles', r'protection des donnees')), (1, anyof(r'securite des donnees'))]),
]

def main():
    items = []
    for path in sorted(glob.glob(os.path.join(SEEDS, '*.json'))):
        seed = json.load(open(path, encoding='utf-8'))
        for item in seed['items']:
            items.append((seed['framework']['code'], item['code'], fold(item['text'])))
    out = sys.stdout
    out.write('query;framework;code;grade\n')
    for query, rules in QUERIES:
        n = 0
        for framework, code, text in items:
            grade = max((g for g, rule in rules if rule(text)), default=0)
            if grade:
                out.write(f'{query};{framework};{code};{grade}\n')
                n += 1
        if n == 0:
            print(f'no relevant item for {query}', file=sys.stderr)
    print(f'{len(QUERIES)} queries', file=sys.stderr)

if __name__ == '__main__':
    main()
