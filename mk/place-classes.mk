# mk/place-classes.mk - the place-name class table (data/place-classes.csv),
# compiled into the names migration of registry/reg_schema.c as
# $(BUILD)/gen/place_classes.h, so the binary reads no data file at run time.

$(BUILD)/gen/place_classes.h: data/place-classes.csv tools/gen_place_classes.sh
	@mkdir -p $(dir $@)
	tools/gen_place_classes.sh data/place-classes.csv > $@.tmp
	@mv $@.tmp $@

# Generated before the first compile of the file that includes it (later
# builds also know it from the .d file).
$(BUILD)/obj/registry/reg_schema.o: $(BUILD)/gen/place_classes.h
