package dev.pitwall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PitwallApplication {
    public static void main(String[] args) {
        SpringApplication.run(PitwallApplication.class, args);
    }
}
