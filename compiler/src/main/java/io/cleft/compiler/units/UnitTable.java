package io.cleft.compiler.units;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The unit symbols cleft knows, with SI prefixes. A symbol is looked up as written first, so
 * {@code min} is a minute and {@code mol} a mole rather than milli-something.
 */
public final class UnitTable {
  private static final Map<String, Unit> SYMBOLS = new LinkedHashMap<>();
  private static final Map<String, BigDecimal> PREFIXES = new LinkedHashMap<>();

  static {
    Unit second = base(Dimension.TIME);
    Unit metre = base(Dimension.LENGTH);
    Unit kilogram = base(Dimension.MASS);
    Unit ampere = base(Dimension.CURRENT);
    Unit volt = base(Dimension.VOLTAGE);
    Unit siemens = ampere.over(volt);
    Unit mole = base(Dimension.AMOUNT);
    Unit litre = metre.power(3).withPrefix(new BigDecimal("1e-3"));
    SYMBOLS.put("s", second);
    SYMBOLS.put("min", second.withPrefix(new BigDecimal(60)));
    SYMBOLS.put("h", second.withPrefix(new BigDecimal(3600)));
    SYMBOLS.put("Hz", second.power(-1));
    SYMBOLS.put("m", metre);
    SYMBOLS.put("g", kilogram.withPrefix(new BigDecimal("1e-3")));
    SYMBOLS.put("A", ampere);
    SYMBOLS.put("V", volt);
    SYMBOLS.put("S", siemens);
    SYMBOLS.put("Ohm", siemens.power(-1));
    SYMBOLS.put("C", ampere.times(second));
    SYMBOLS.put("F", ampere.times(second).over(volt));
    SYMBOLS.put("J", volt.times(ampere).times(second));
    SYMBOLS.put("W", volt.times(ampere));
    SYMBOLS.put("K", base(Dimension.TEMPERATURE));
    SYMBOLS.put("mol", mole);
    SYMBOLS.put("l", litre);
    SYMBOLS.put("L", litre);
    SYMBOLS.put("M", mole.over(litre));

    PREFIXES.put("T", new BigDecimal("1e12"));
    PREFIXES.put("G", new BigDecimal("1e9"));
    PREFIXES.put("M", new BigDecimal("1e6"));
    PREFIXES.put("k", new BigDecimal("1e3"));
    PREFIXES.put("d", new BigDecimal("1e-1"));
    PREFIXES.put("c", new BigDecimal("1e-2"));
    PREFIXES.put("m", new BigDecimal("1e-3"));
    PREFIXES.put("u", new BigDecimal("1e-6"));
    PREFIXES.put("n", new BigDecimal("1e-9"));
    PREFIXES.put("p", new BigDecimal("1e-12"));
    PREFIXES.put("f", new BigDecimal("1e-15"));
  }

  private UnitTable() {}

  private static Unit base(Dimension dimension) {
    return new Unit(BigDecimal.ONE, dimension);
  }

  /** The unit a symbol such as {@code mV}, {@code uS} or {@code Hz} stands for. */
  public static Optional<Unit> lookup(String symbol) {
    Unit exact = SYMBOLS.get(symbol);
    if (exact != null) {
      return Optional.of(exact);
    }
    if (symbol.length() > 1) {
      BigDecimal prefix = PREFIXES.get(symbol.substring(0, 1));
      Unit unit = SYMBOLS.get(symbol.substring(1));
      // Prefixing a time unit other than the second (a "kmin") is not a unit anyone means.
      if (prefix != null && unit != null && !Set.of("min", "h").contains(symbol.substring(1))) {
        return Optional.of(unit.withPrefix(prefix));
      }
    }
    return Optional.empty();
  }

  /** Common symbols, for did-you-mean suggestions. */
  public static Set<String> commonSymbols() {
    Set<String> symbols = new TreeSet<>(SYMBOLS.keySet());
    for (String unit : new String[] {"s", "V", "A", "S", "M", "m", "Ohm", "F", "mol", "l"}) {
      for (String prefix : new String[] {"m", "u", "n", "p", "k", "M"}) {
        symbols.add(prefix + unit);
      }
    }
    return symbols;
  }
}
