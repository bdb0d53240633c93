% The zebra puzzle: five houses, constraint satisfaction by unification and search.
right_of(A, B, [B, A|_]).
right_of(A, B, [_|Y]) :- right_of(A, B, Y).
next_to(A, B, [A, B|_]).
next_to(A, B, [B, A|_]).
next_to(A, B, [_|Y]) :- next_to(A, B, Y).
mem(X, [X|_]).
mem(X, [_|Y]) :- mem(X, Y).
houses([h(_,norwegian,_,_,_), _, h(_,_,_,milk,_), _, _]).
zebra(Owner, Drinker) :-
    houses(H),
    mem(h(red, english, _, _, _), H),
    mem(h(_, spanish, dog, _, _), H),
    mem(h(green, _, _, coffee, _), H),
    mem(h(_, ukrainian, _, tea, _), H),
    right_of(h(green, _, _, _, _), h(ivory, _, _, _, _), H),
    mem(h(_, _, snails, _, winstons), H),
    mem(h(yellow, _, _, _, kools), H),
    next_to(h(_, _, _, _, chesterfields), h(_, _, fox, _, _), H),
    next_to(h(_, _, _, _, kools), h(_, _, horse, _, _), H),
    mem(h(_, _, _, orange_juice, lucky_strikes), H),
    mem(h(_, japanese, _, _, parliaments), H),
    next_to(h(_, norwegian, _, _, _), h(blue, _, _, _, _), H),
    mem(h(_, Owner, zebra, _, _), H),
    mem(h(_, Drinker, _, water, _), H).
bench_run :- zebra(O, D), O == japanese, D == norwegian.
