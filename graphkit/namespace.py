"""The graphkit ontology's terms as an rdflib DefinedNamespace.

Generated from ontology/graphkit.ttl by tools/gen_namespace.py; do not edit by hand (a test
checks the two agree). Unknown names raise AttributeError:

>>> from graphkit.namespace import GK
>>> GK.memberOf
rdflib.term.URIRef('https://w3id.org/graphkit/ontology/0.1/memberOf')
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class GK(DefinedNamespace):
    """graphkit news actor and event ontology, version 0.1."""

    _NS = Namespace("https://w3id.org/graphkit/ontology/0.1/")
    _fail = True

    Actor: URIRef  # Actor
    ArmedGroup: URIRef  # Armed group
    Assertion: URIRef  # Assertion
    Civilians: URIRef  # Civilians
    Claim: URIRef  # Claim
    Company: URIRef  # Company
    Document: URIRef  # Document
    Government: URIRef  # Government
    InternationalOrganization: URIRef  # International organization
    Media: URIRef  # Media
    MilitaryForce: URIRef  # Military force
    Modality: URIRef  # Modality
    Official: URIRef  # Official
    Organization: URIRef  # Organization
    Person: URIRef  # Person
    Place: URIRef  # Place
    PoliticalGroup: URIRef  # Political group
    QuadClass: URIRef  # Quad class
    RelationType: URIRef  # Relation type
    SecurityForce: URIRef  # Security force
    State: URIRef  # State
    abduct: URIRef  # abducts
    accuse: URIRef  # accuses
    agree: URIRef  # agrees with
    aid: URIRef  # gives aid to
    airstrike: URIRef  # strikes from the air
    alignedWith: URIRef  # aligned with
    apologize: URIRef  # apologizes to
    appeal: URIRef  # appeals to
    arrest: URIRef  # arrests
    assassinate: URIRef  # assassinates
    assault: URIRef  # assaults
    asserted: URIRef  # asserted
    attack: URIRef  # attacks
    ban: URIRef  # bans
    blame: URIRef  # blames
    bomb: URIRef  # bombs
    boycott: URIRef  # boycotts
    cameo: URIRef  # CAMEO code
    cameoCode: URIRef  # CAMEO actor code
    cameoQuad: URIRef  # CAMEO quad class
    category: URIRef  # evaluation category
    charge: URIRef  # charges
    claimText: URIRef  # claim text
    clash: URIRef  # clashes with
    coerce: URIRef  # coerces
    concede: URIRef  # yields to
    condemn: URIRef  # condemns
    confidence: URIRef  # confidence
    consult: URIRef  # consults
    contentRelation: URIRef  # content relation
    contentText: URIRef  # content text
    controls: URIRef  # controls
    cooperate: URIRef  # cooperates with
    country: URIRef  # country
    criticize: URIRef  # criticizes
    demand: URIRef  # demands of
    denied: URIRef  # denied
    destroy: URIRef  # destroys assets of
    disapprove: URIRef  # disapproves of
    evidence: URIRef  # evidence
    expel: URIRef  # expels
    factual: URIRef  # factual
    fight: URIRef  # fights
    hypothetical: URIRef  # hypothetical
    imprison: URIRef  # imprisons
    injure: URIRef  # injures
    intensity: URIRef  # intensity
    investigate: URIRef  # investigates
    kill: URIRef  # kills
    leaderOf: URIRef  # leader of
    locatedIn: URIRef  # located in
    massacre: URIRef  # massacres
    materialConflict: URIRef  # material conflict
    materialCooperation: URIRef  # material cooperation
    meet: URIRef  # meets
    memberOf: URIRef  # member of
    militaryAid: URIRef  # gives military aid to
    mobilize: URIRef  # mobilizes against
    modality: URIRef  # modality
    negated: URIRef  # negated
    negotiate: URIRef  # negotiates with
    occupy: URIRef  # occupies territory of
    opposes: URIRef  # opposes
    partOf: URIRef  # part of
    planned: URIRef  # planned
    praise: URIRef  # praises
    protest: URIRef  # protests against
    quad: URIRef  # quad class
    quadCode: URIRef  # quad code
    reject: URIRef  # rejects
    release: URIRef  # releases people held by or of
    retreat: URIRef  # retreats before
    rule: URIRef  # rule
    sanction: URIRef  # sanctions
    sector: URIRef  # sector
    seize: URIRef  # seizes property of
    shell: URIRef  # shells
    signAgreement: URIRef  # signs an agreement with
    sue: URIRef  # sues
    support: URIRef  # supports
    symmetric: URIRef  # symmetric
    targetRole: URIRef  # target role
    term: URIRef  # term
    threaten: URIRef  # threatens
    threatened: URIRef  # threatened
    trigger: URIRef  # trigger
    urge: URIRef  # urges
    verbalConflict: URIRef  # verbal conflict
    verbalCooperation: URIRef  # verbal cooperation
    visit: URIRef  # visits
    warn: URIRef  # warns
    withdraw: URIRef  # withdraws from
