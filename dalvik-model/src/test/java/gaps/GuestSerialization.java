package gaps;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Java serialization of guest objects stops as an unsupported API (it used to throw a host
 * NotSerializableException naming the bridge's class).
 */
public class GuestSerialization {
    static class Pt implements Serializable {
        int x = 3;
        String s = "s";
        transient int t = 9;
    }

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        ObjectOutputStream oo = new ObjectOutputStream(bo);
        oo.writeObject(new Pt());
        oo.writeObject(new ArrayList<>(List.of(1, 2)));
        oo.close();
        ObjectInputStream oi = new ObjectInputStream(new ByteArrayInputStream(bo.toByteArray()));
        Pt p = (Pt) oi.readObject();
        System.out.println(p.x + " " + p.s + " " + p.t + " " + oi.readObject());
    }
}
