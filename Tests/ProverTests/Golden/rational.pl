% Rationals: '/' on integers is exact (an integer when it divides, a rational
% otherwise); rdiv always gives a rational. Rationals print as NrD (SWI style).
% query: X is 1 / 3
% query: X is 6 / 3
% query: X is 1 rdiv 3 + 1 rdiv 6
% query: X is (1 / 3) * 3
% query: X is 2 ** -2
% query: X is -1 / 4
% query: 1 / 3 < 1 / 2, 2 / 4 =:= 1 / 2
% query: X is 1 / 3, number(X), \+ integer(X)
% query: X is (2 ** 100) / (2 ** 98)
% query: X is 1 / 0
