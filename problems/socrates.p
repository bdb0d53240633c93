% Socrates in TPTP FOF: `entail prove problems/socrates.p`
fof(all_mortal, axiom, ![X]: (human(X) => mortal(X))).
fof(socrates, axiom, human(socrates)).
fof(goal, conjecture, mortal(socrates)).
